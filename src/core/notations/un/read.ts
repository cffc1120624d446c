/**
 * Second stage of reading a UN compilation text: decides what each bracket means and
 * records provisions, proposals, positions, statements, option sets and agreement in the
 * builder.
 *
 * Brackets are words not yet agreed, so in the agreed view they fall away:
 * - `[extreme - US; G77 delete]`: the US proposes to insert "extreme"; the G77 objects.
 *   A name without a verb proposes; `retain` supports, `delete` objects, `reserve`
 *   reserves, `add`/`propose` proposes;
 * - `[text - US delete]`, `[text - EU retain; US delete]` (nobody proposes the words, someone
 *   wants them out): the words stand and the US proposes to delete them;
 * - `[and commitments] (G77) (EU, CANZ, Russia, US: delete)`: the same, written after the bracket;
 *   `[women (G77)]`: known names in parentheses closing the words (not `[fighters (FTF)]`);
 * - `[A - EU, G77 retain / B - US]`, `[shall][should]`: alternatives at one place, an option set;
 * - `[old - X delete][new - X]`: X proposes to replace the old words;
 * - `[[extreme - US] - G77 delete]`: an outer bracket that only adds reactions;
 * - a bracket holding a whole paragraph (or several) proposes or opposes the paragraphs;
 * - `Option 1:` / `Option 2:` … blocks: an option set of proposed paragraphs, `{Placeholder …}`
 *   options kept as text to be written, `{No text}` allowing no text at all;
 * - `[Agreed ad ref]`, `(Agreed)`, `(Agreed, placement tbd)` after a paragraph: agreed ad ref;
 *   `(Note: …)` after a paragraph: a statement.
 */
import type { DelegationRegistry } from '../../delegations/index.ts';
import type { ProvisionInput } from '../../events/event.ts';
import type { OptionRef } from '../../model/option-set.ts';
import type { Stance } from '../../model/position.ts';
import type { ProposalLayout } from '../../model/proposal.ts';
import type { AgreementStatus, ProvisionKind, ProvisionLayout } from '../../model/provision.ts';
import type { StatementKind } from '../../model/statement.ts';
import { labelLayout, splitLeadingLabel, type ParsedLabel } from '../../text/labels.ts';
import { LineIndex } from '../../text/line-index.ts';
import type { DraftBuilder } from '../draft-builder.ts';
import type { ImportContext } from '../notation.ts';
import type { ImportWarningCode } from '../warnings.ts';
import { findDashAttribution, parseAttribution, trailingParenAttributions, type NameEntry, type Verb } from './attribution.ts';
import { signature, type OptionPlace, type TrailerHint, type UnProposalHints, type UnProvisionHints, type WrapHint } from './hints.ts';
import { labelKey, parseUnLabel } from './labels.ts';
import { MAX_DEPTH, parseTree, type BracketNode, type TextNode, type TreeNode } from './parse-tree.ts';

/** A name with where it stands in the draft. */
interface Named extends NameEntry {
  readonly src: number;
}

/** One alternative of a bracket: its words, and the attribution written after them. */
interface Alternative {
  readonly nodes: TreeNode[];
  /** As written, with the blanks and the dash before the names; '' when none. */
  readonly attr: string;
  readonly entries: Named[];
  /** What separated it from the alternative before (" / "); '' for the first. */
  readonly sep: string;
}

interface Wrap extends WrapHint {
  readonly entries: Named[];
}

interface Whole {
  readonly core: BracketNode;
  readonly wraps: Wrap[];
  readonly alt: Alternative;
  readonly labelText: TextNode | null;
  /** The bracket holds several paragraphs. */
  readonly block: boolean;
}

interface Acc {
  text: string;
  strays: { at: number; text: string }[];
  /** Stray characters written after the insertions at their point (`[x]]`), which render before them otherwise. */
  late: { at: number; text: string; after: string }[];
  /** The last insertion in this text, while no words have followed it. */
  point: { at: number; id: string } | null;
  /** Every insertion made in this text, in order. */
  points: { at: number; id: string }[];
  readonly provisionId: string;
  readonly parent: string | null;
}

interface Frame {
  readonly provisions: ProvisionInput[];
}

interface Unit {
  readonly nodes: TreeNode[];
  readonly src: number;
  /** Status tags and notes that stood alone in the paragraphs after this one. */
  readonly own: Unit[];
}

interface TrailerItem {
  readonly kind: 'tag' | 'note';
  readonly raw: string;
  readonly content: string;
  readonly space: string;
  readonly own: boolean;
}

interface Reading {
  readonly proponent: string | null;
  readonly positions: { delegation: string; stance: Stance }[];
  readonly sig: string;
  readonly names: Record<string, string>;
}

interface LabelTake {
  readonly layout: ProvisionLayout;
  readonly label: ParsedLabel | null;
  readonly body: TreeNode[];
  /** Where the label stands in the draft. */
  readonly src?: number;
}

interface Header {
  readonly unit: Unit;
  readonly prefix: string;
  readonly label: ParsedLabel | null;
  readonly afterLabel: string;
  readonly header: string;
  readonly entries: Named[];
  readonly rest: TreeNode[];
  readonly space: string;
  readonly alone: boolean;
  readonly number: number | null;
}

interface LabelRecord {
  readonly key: string;
  readonly src: number;
  readonly group: number | null;
  readonly part: number;
}

const PREFIX = /^(?:[ \t]*[-–•][ \t]+|\s+)/u;
const HEADER = /^(?:Option|Alternative|Alt\.?)[ \t]+(\d{1,2}|[A-Z]|[IVX]{1,4})\b(?:[ \t]*\(((?:[^()]|\([^()]*\))*)\))?(?:[ \t]*([:.])|[ \t]+([–—-])(?=[ \t]))?/u;
const TAG = /^(?:(?:agreed|adopted)\b(?:\s+ad\s+ref(?:erendum)?\.?)?|ad\s+ref(?:erendum)?\.?)(?:\s*[,;:–-][\s\S]*)?$/iu;
const NOTE = /^(?:(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}?notes?\b|N\.?\s?B\.?(?:\s|:|$)|(?:placement|formerly|former|moved|merged|source|based on|reservation|statement|interpretative|remark)\b)/iu;
const TRAILING_PAREN = /(\s*)\(((?:[^()]|\([^()]*\))*)\)(\.?)\s*$/u;
const NO_TEXT = /^[{[]?\s*no\s+text\s*[}\]]?\.?$/iu;
const PLACEHOLDER = /^\{[^{}]*\}\.?$/u;

export function readUn(input: string, context: ImportContext): void {
  new UnReader(input, context).read();
}

class UnReader {
  private readonly lines: LineIndex;
  private readonly builder: DraftBuilder;
  private readonly registry: DelegationRegistry;
  private readonly records: LabelRecord[] = [];
  private seenLabel = false;
  private part = 0;
  private groups = 0;
  private group: number | null = null;

  constructor(
    private readonly input: string,
    private readonly context: ImportContext,
  ) {
    this.lines = new LineIndex(input);
    this.builder = context.builder;
    this.registry = context.registry;
  }

  read(): void {
    const tree = parseTree(this.input, this.registry);
    for (const problem of tree.problems) this.warn(problem.code, problem.src, problem.message);
    this.level(tree.nodes, null);
    this.checkNumbers();
  }

  private warn(code: ImportWarningCode, src: number, message: string): void {
    const { line, column } = this.lines.locate(src);
    this.context.warn({ code, line, column, message });
  }

  // -------------------------------------------------------------------------------------
  // Paragraph level

  /** A run of paragraphs; inside a frame (a bracket around paragraphs, an option) they are collected, not placed. */
  private level(nodes: readonly TreeNode[], frame: Frame | null): void {
    const units = this.units(nodes);
    let i = 0;
    while (i < units.length) {
      if (frame === null && this.header(units[i]!) !== null) {
        i = this.options(units, i);
        continue;
      }
      this.unit(units[i]!, frame, null);
      i++;
    }
  }

  private units(nodes: readonly TreeNode[]): Unit[] {
    const units: Unit[] = [];
    let current: TreeNode[] = [];
    const flush = (): void => {
      const content = current;
      current = [];
      if (isBlank(content)) return;
      const unit: Unit = { nodes: content, src: firstSrc(content), own: [] };
      const previous = units.at(-1);
      if (previous && mayBeTrailer(content) && this.stripTrailer(content).nodes.length === 0) previous.own.push(unit);
      else units.push(unit);
    };
    for (const node of nodes) {
      if (node.t === 'para') flush();
      else current.push(node);
    }
    flush();
    return units;
  }

  /** One paragraph: a provision, a proposed or opposed paragraph, or a block of them. Returns the provision made. */
  private unit(unit: Unit, frame: Frame | null, forced: LabelTake | null): void {
    const stripped = this.stripTrailer(trimBlank(unit.nodes));
    const owned = unit.own.flatMap((own) => this.stripTrailer(trimBlank(own.nodes)).items.map((item, index) => ({ ...item, own: index === 0 })));
    if (stripped.nodes.length === 0) {
      // Only tags or notes, with no paragraph before them: keep them as the words of a paragraph.
      this.plainParagraph(trimBlank(unit.nodes), owned, frame, forced);
      return;
    }
    const items = [...stripped.items, ...owned];
    if (frame === null && forced === null) {
      const whole = this.wholeBracket(stripped.nodes);
      if (whole) {
        if (whole.block) this.block(whole, items);
        else this.wholeParagraph(whole, items);
        return;
      }
    }
    this.plainParagraph(stripped.nodes, items, frame, forced);
  }

  /** A paragraph of words, possibly with brackets inside and `(US: delete)` after it. */
  private plainParagraph(nodes: TreeNode[], items: TrailerItem[], frame: Frame | null, forced: LabelTake | null): void {
    let content = nodes;
    let tail: { raw: string; entries: Named[] } | null = null;
    if (frame === null) {
      const found = this.paragraphAttribution(content);
      if (found) {
        content = found.nodes;
        tail = found;
      }
    }
    const provisionId = this.builder.nextProvisionId();
    const take = forced ? { ...forced, body: content } : this.takeLabel(content);
    const acc = newAcc(provisionId, null);
    this.inline(take.body, acc);
    const trailer = this.trailer(items, tail !== null);
    const input = this.provisionInput(provisionId, take, acc, trailer.hints, () => plainText(content));
    if (tail) {
      const sense = senseOf(tail.entries);
      const reading = this.reading(tail.entries, sense);
      const id = this.builder.nextProposalId();
      const layout: ProposalLayout = { unbracketed: true, notation: this.hints(reading, { tail: tail.raw }) };
      if (sense === 'text') {
        this.builder.addProposal({ id, kind: 'new-provision', proponent: reading.proponent, provisions: [input], layout }, reading.proponent === 'CHAIR');
      } else {
        this.builder.addProvision(input);
        this.builder.addProposal({ id, kind: 'delete-provision', proponent: reading.proponent, provisionIds: [provisionId], layout }, reading.proponent === 'CHAIR');
      }
      this.record(id, reading);
    } else if (frame) {
      frame.provisions.push(input);
    } else {
      this.builder.addProvision(input);
    }
    trailer.apply(provisionId);
    this.recordLabel(take.label, take.src ?? firstSrc(nodes));
  }

  /** `[OP5 …- G77]`, `OP5 [… - G77]`, `[[OP5 … - G77] - US delete]`: the paragraph is one bracket. */
  private wholeBracket(nodes: readonly TreeNode[]): Whole | null {
    let rest = nodes;
    let labelText: TextNode | null = null;
    const first = nodes[0];
    if (nodes.length === 2 && first?.t === 'text' && nodes[1]!.t === 'bracket') {
      const text = first.text.replace(PREFIX, '');
      const label = parseUnLabel(text);
      if (label === null || text.slice(label.raw.length).trim() !== '') return null;
      labelText = first;
      rest = [nodes[1]!];
    }
    const only = rest[0];
    if (rest.length !== 1 || only?.t !== 'bracket') return null;
    const { core, wraps } = this.unwrap(only);
    const alts = this.alternatives(core);
    const alt = alts[0];
    if (alts.length !== 1 || !alt || !hasWords(alt.nodes) || tagOrNote(plainText(core.children).trim(), this.registry) !== null) return null;
    return { core, wraps, alt, labelText, block: core.children.some((child) => child.t === 'para') };
  }

  private wholeParagraph(whole: Whole, items: TrailerItem[]): void {
    const { core, wraps, alt, labelText } = whole;
    const entries = [...alt.entries, ...tailNamed(core), ...wraps.flatMap((w) => w.entries)];
    const sense = senseOf(entries);
    const provisionId = this.builder.nextProvisionId();
    const take = labelText ? { ...this.takeLabel([labelText]), body: alt.nodes } : this.takeLabel(alt.nodes);
    const acc = newAcc(provisionId, null);
    this.inline(take.body, acc);
    const trailer = this.trailer(items, true);
    const input = this.provisionInput(provisionId, take, acc, trailer.hints, () => plainText(alt.nodes));
    const reading = this.reading(entries, sense);
    const id = this.builder.nextProposalId();
    const layout: ProposalLayout = {
      notation: this.hints(reading, { attr: alt.attr, tail: core.tail, wraps: wrapHints(wraps) }),
      ...(core.implicitClose ? { implicitClose: true } : {}),
      ...(labelText ? { labelOutside: true } : {}),
    };
    if (sense === 'text') {
      if (entries.length === 0) this.unattributed(core.src, 'paragraph');
      this.builder.addProposal({ id, kind: 'new-provision', proponent: reading.proponent, provisions: [input], layout }, reading.proponent === 'CHAIR');
    } else {
      this.builder.addProvision(input);
      this.builder.addProposal({ id, kind: 'delete-provision', proponent: reading.proponent, provisionIds: [provisionId], layout }, reading.proponent === 'CHAIR');
    }
    this.record(id, reading);
    trailer.apply(provisionId);
    this.recordLabel(take.label, take.src ?? core.src);
  }

  /** A bracket around several paragraphs: proposes them as a block, or opposes them. */
  private block(whole: Whole, items: TrailerItem[]): void {
    const { core, wraps, alt, labelText } = whole;
    const entries = [...alt.entries, ...tailNamed(core), ...wraps.flatMap((w) => w.entries)];
    const sense = senseOf(entries);
    const frame: Frame = { provisions: [] };
    this.level(labelText ? [labelText, ...alt.nodes] : alt.nodes, frame);
    const trailer = this.trailer(items, true);
    const last = frame.provisions.at(-1);
    if (!last) return;
    if (trailer.hints.length > 0) {
      const hints = (last.layout?.notation ?? { un: 1 }) as unknown as UnProvisionHints;
      const notation: UnProvisionHints = { ...hints, trailer: [...(hints.trailer ?? []), ...trailer.hints] };
      frame.provisions[frame.provisions.length - 1] = { ...last, layout: { ...last.layout, notation: notation as unknown as Record<string, unknown> } };
    }
    const reading = this.reading(entries, sense);
    const id = this.builder.nextProposalId();
    // Blank lines right after the opening bracket belong to the bracket.
    let lead = '';
    for (const node of alt.nodes) {
      if (node.t === 'para') lead += '\n\n';
      else if (node.t === 'text' && node.text.trim() === '') lead += node.text;
      else break;
    }
    let trail = '';
    for (let k = alt.nodes.length - 1; k >= 0; k--) {
      const node = alt.nodes[k]!;
      if (node.t === 'para') trail = '\n\n' + trail;
      else if (node.t === 'text' && node.text.trim() === '') trail = node.text + trail;
      else break;
    }
    const layout: ProposalLayout = {
      notation: this.hints(reading, { attr: trail + alt.attr, tail: core.tail, wraps: wrapHints(wraps), lead }),
      ...(core.implicitClose ? { implicitClose: true } : {}),
      ...(labelText ? { labelOutside: true } : {}),
    };
    if (sense === 'text') {
      if (entries.length === 0) this.unattributed(core.src, 'paragraphs');
      this.builder.addProposal({ id, kind: 'new-provision', proponent: reading.proponent, provisions: frame.provisions, layout }, reading.proponent === 'CHAIR');
    } else {
      for (const provision of frame.provisions) this.builder.addProvision(provision);
      const provisionIds = frame.provisions.map((p) => p.id);
      this.builder.addProposal({ id, kind: 'delete-provision', proponent: reading.proponent, provisionIds, layout }, reading.proponent === 'CHAIR');
    }
    this.record(id, reading);
    trailer.apply(last.id);
  }

  // -------------------------------------------------------------------------------------
  // Option blocks

  /** `Option 2:`, `OP7 Option 1 (G77):`, `Option B` alone on its line. */
  private header(unit: Unit): Header | null {
    const first = unit.nodes[0];
    if (first?.t !== 'text') return null;
    const prefix = /^\s*/u.exec(first.text)![0];
    let rest = first.text.slice(prefix.length);
    let consumed = prefix.length;
    const label = parseUnLabel(rest);
    let afterLabel = '';
    if (label) {
      afterLabel = /^[ \t]*/u.exec(rest.slice(label.raw.length))![0];
      if (afterLabel === '') return null;
      rest = rest.slice(label.raw.length + afterLabel.length);
      consumed += label.raw.length + afterLabel.length;
    }
    const match = HEADER.exec(rest);
    if (!match) return null;
    const after = rest.slice(match[0].length);
    const space = /^\s*/u.exec(after)![0];
    const restSrc = first.src + consumed + match[0].length + space.length;
    const restText = after.slice(space.length);
    const restNodes: TreeNode[] = [...(restText !== '' ? [{ t: 'text' as const, text: restText, src: restSrc }] : []), ...unit.nodes.slice(1)];
    const alone = isBlank(restNodes);
    if (match[3] === undefined && match[4] === undefined && !alone) return null;
    let entries: Named[] = [];
    if (match[2] !== undefined) {
      const innerAt = first.src + consumed + match[0].indexOf('(') + 1;
      entries = (parseAttribution(match[2], this.registry) ?? []).map((e) => ({ ...e, src: innerAt + e.offset }));
    }
    return {
      unit,
      prefix,
      label: alone ? null : label,
      afterLabel,
      // Tags or notes on the lines under a header that stands alone are kept with it, as written.
      header: alone ? [first.text.slice(prefix.length).replace(/\s+$/u, ''), ...unit.own.map((own) => plainRaw(own.nodes).trim())].join('\n') : match[0],
      entries,
      rest: alone ? [] : restNodes,
      space,
      alone,
      number: numeral(match[1] ?? ''),
    };
  }

  /** A run of options starting at `units[from]`; returns the index after it. */
  private options(units: readonly Unit[], from: number): number {
    const options: { header: Header; body: Unit[] }[] = [];
    const seenLabels = new Set<string>();
    let k = from;
    while (k < units.length) {
      const header = this.header(units[k]!);
      if (!header || (options.length > 0 && header.number === 1)) break;
      const body: Unit[] = header.alone ? [] : [{ nodes: header.rest, src: firstSrc(header.rest), own: header.unit.own }];
      let j = k + 1;
      const next = this.nextHeader(units, j, header.number);
      if (next !== null) {
        for (; j < next; j++) body.push(units[j]!);
      } else {
        if (header.alone && j < units.length && this.header(units[j]!) === null) body.push(units[j++]!);
        while (j < units.length && this.header(units[j]!) === null && continuesOption(units[j]!, seenLabels)) body.push(units[j++]!);
      }
      for (const unit of body) {
        const label = labelOf(unit);
        if (label) seenLabels.add(labelKey(label.label));
      }
      options.push({ header, body });
      k = j;
    }

    const isNoText = (body: Unit[]): boolean => body.length === 1 && NO_TEXT.test(plainRaw(body[0]!.nodes).trim());
    const real = options.filter((o) => o.body.length > 0 && !isNoText(o.body));
    if (real.length === 0) {
      for (let u = from; u < k; u++) this.unit(units[u]!, null, null);
      return k;
    }
    // "No text" options and empty headers are kept as written beside the real option next to them.
    const before = new Map<(typeof options)[number], string[]>();
    const after = new Map<(typeof options)[number], string[]>();
    let lastReal: (typeof options)[number] | null = null;
    const pending: string[] = [];
    let allowsNoText = false;
    for (const option of options) {
      if (real.includes(option)) {
        if (pending.length > 0) before.set(option, pending.splice(0));
        lastReal = option;
        continue;
      }
      // A header with words after it carries its first body paragraph in its own unit.
      const rest = option.header.alone ? option.body : option.body.slice(1);
      const raw = [option.header.unit, ...rest].map(unitRaw).join('\n');
      if (option.body.length === 0) this.warn('EMPTY_OPTION', option.header.unit.src, `"${option.header.header}" has no text under it; it was kept as written. Add the option's text or remove the header.`);
      else allowsNoText = true;
      if (lastReal) after.set(lastReal, [...(after.get(lastReal) ?? []), raw]);
      else pending.push(raw);
    }
    const group = ++this.groups;
    this.group = group;
    const members: OptionRef[] = [];
    for (const option of real) {
      const id = this.option(option.header, option.body, before.get(option) ?? [], after.get(option) ?? []);
      members.push({ t: 'proposal', id });
    }
    this.group = null;
    this.builder.addOptionSet(members, allowsNoText);
    return k;
  }

  /** The next header continuing a run numbered `number`, within reach. */
  private nextHeader(units: readonly Unit[], from: number, number: number | null): number | null {
    for (let j = from; j < units.length && j < from + 40; j++) {
      const header = this.header(units[j]!);
      if (header === null) continue;
      const continues = number === null ? header.number !== 1 : header.number === number + 1;
      return continues ? j : null;
    }
    return null;
  }

  /** One option: a new-provision proposal holding its paragraphs. */
  private option(header: Header, body: Unit[], noTextBefore: string[], noTextAfter: string[]): string {
    const id = this.builder.nextProposalId();
    const frame: Frame = { provisions: [] };
    const place: OptionPlace = header.alone ? 'alone' : header.label ? 'after-label' : 'before-label';
    const forced: LabelTake | null = header.label
      ? {
          label: header.label,
          layout: {
            ...(header.prefix !== '' ? { prefix: header.prefix } : {}),
            ...(header.label.raw !== header.label.label ? { labelRaw: header.label.raw } : {}),
            ...(header.afterLabel !== ' ' ? { afterLabel: header.afterLabel } : {}),
          },
          body: [],
          src: header.unit.src + header.prefix.length,
        }
      : null;
    let entries: Named[] = [...header.entries];
    let bracket: Partial<UnProposalHints> = {};
    const layout: { implicitClose?: boolean; labelOutside?: boolean } = {};
    const onlyUnit = body.length === 1 ? body[0]! : null;
    const stripped = onlyUnit ? this.stripTrailer(trimBlank(onlyUnit.nodes)) : null;
    const whole = stripped ? this.wholeBracket(stripped.nodes) : null;
    if (onlyUnit && stripped && whole && !whole.block && !(forced && whole.labelText)) {
      // `Option 2: [Decides … - US]`: the bracket's attribution is the option's.
      const { core, wraps, alt, labelText } = whole;
      entries = [...entries, ...alt.entries, ...tailNamed(core), ...wraps.flatMap((w) => w.entries)];
      const provisionId = this.builder.nextProvisionId();
      const take = forced ? { ...forced, body: alt.nodes } : labelText ? { ...this.takeLabel([labelText]), body: alt.nodes } : this.takeLabel(alt.nodes);
      const acc = newAcc(provisionId, null);
      this.inline(take.body, acc);
      const items = [...stripped.items];
      for (const own of onlyUnit.own) items.push(...this.stripTrailer(trimBlank(own.nodes)).items.map((item, index) => ({ ...item, own: index === 0 })));
      const trailer = this.trailer(items, true);
      frame.provisions.push(this.provisionInput(provisionId, take, acc, trailer.hints, () => plainText(alt.nodes)));
      trailer.apply(provisionId);
      this.recordLabel(take.label, take.src ?? core.src);
      bracket = { bracketed: true, attr: alt.attr, tail: core.tail, wraps: wrapHints(wraps) };
      if (core.implicitClose) layout.implicitClose = true;
      if (labelText || forced) layout.labelOutside = true;
    } else {
      body.forEach((unit, index) => this.unit(unit, frame, index === 0 ? forced : null));
    }
    const reading = this.reading(entries, 'text');
    const placeholder = body.length === 1 && PLACEHOLDER.test(plainRaw(body[0]!.nodes).trim());
    this.builder.addProposal(
      {
        id,
        kind: 'new-provision',
        proponent: reading.proponent,
        provisions: frame.provisions,
        layout: {
          ...layout,
          notation: this.hints(reading, {
            ...bracket,
            option: { header: header.header, place, space: header.alone ? '\n' : header.space },
            ...(noTextBefore.length > 0 ? { noTextBefore: noTextBefore.join('\n\n') } : {}),
            ...(noTextAfter.length > 0 ? { noTextAfter: noTextAfter.join('\n\n') } : {}),
            ...(placeholder ? { placeholder: true } : {}),
          }),
        },
      },
      reading.proponent === 'CHAIR',
    );
    this.record(id, reading);
    return id;
  }

  // -------------------------------------------------------------------------------------
  // Inline level

  private inline(nodes: readonly TreeNode[], acc: Acc): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.t === 'text') {
        acc.text += node.text;
        if (node.text !== '') acc.point = null;
      } else if (node.t === 'stray') {
        stray(acc, node.text);
      } else if (node.t === 'para') {
        this.warn('MIXED_BLOCK', node.src, 'A bracket that opens in the middle of a paragraph runs into the next one; the paragraphs were kept together as one. Check where the bracket should close.');
        acc.text += '\n\n';
      } else {
        let j = i;
        while (nodes[j + 1]?.t === 'bracket') j++;
        // Stray brackets right after the run stay with it, so that they render where they were.
        let after = '';
        for (let next = nodes[j + 1]; next?.t === 'stray'; next = nodes[j + 1]) {
          after += next.text;
          j++;
        }
        this.run(nodes.slice(i, j + 1).filter((n): n is BracketNode => n.t === 'bracket'), acc, after);
        i = j;
      }
    }
  }

  /** Brackets written one against the other: one bracket, a replacement, or alternatives. */
  private run(brackets: BracketNode[], acc: Acc, after: string): void {
    const [first, second] = brackets;
    if (brackets.length === 2 && first && second && this.replacement(first, second, acc, after)) return;
    if (brackets.length === 1 && first && this.alternatives(first).length === 1) {
      this.single(first, acc, [], after);
      return;
    }
    this.alternativeSet(brackets, acc, after);
  }

  /** One bracket with one alternative: an insertion, a deletion, or reactions wrapped around an inner bracket. */
  private single(bracket: BracketNode, acc: Acc, wraps: Wrap[], after: string): string | null {
    const alt = this.alternatives(bracket)[0]!;
    // Only a bracket holding exactly one bracket wraps it; blanks between them would be lost.
    const content = alt.nodes.filter((node) => !(node.t === 'text' && node.text === ''));
    const inner = content[0];
    if (content.length === 1 && inner?.t === 'bracket' && this.alternatives(inner).length === 1 && wraps.length < MAX_DEPTH) {
      const wrap: Wrap = { attr: alt.attr, tail: bracket.tail, entries: [...alt.entries, ...tailNamed(bracket)], ...(bracket.implicitClose ? { implicitClose: true } : {}) };
      return this.single(inner, acc, [wrap, ...wraps], after);
    }
    const entries = [...alt.entries, ...tailNamed(bracket), ...wraps.flatMap((w) => w.entries)];
    const sense = senseOf(entries);
    if (sense === 'deletion' ? !this.putsWords(alt.nodes, 0) : !hasWords(alt.nodes)) {
      this.emptyBracket(bracket, alt, acc, wraps, after);
      return null;
    }
    const extra: Partial<UnProposalHints> = { attr: alt.attr, tail: bracket.tail, wraps: wrapHints(wraps), after };
    if (sense === 'deletion') return this.deletion(bracket, alt, entries, acc, extra);
    if (entries.length === 0) this.unattributed(bracket.src, 'words');
    return this.insertion(bracket, alt, entries, acc, extra);
  }

  /** A bracket with no words of its own: kept as written, reported. */
  private emptyBracket(bracket: BracketNode, alt: Alternative, acc: Acc, wraps: Wrap[], after: string): void {
    const opens = '['.repeat(1 + wraps.length);
    const closes = (bracket.implicitClose ? '' : ']') + bracket.tail + wraps.map((w) => w.attr + (w.implicitClose ? '' : ']') + w.tail).join('');
    if (alt.entries.length + bracket.tailEntries.length + wraps.reduce((n, w) => n + w.entries.length, 0) > 0) {
      this.warn('EMPTY_BRACKET', bracket.src, 'This bracket names delegations but holds no words of its own; it was kept as written and no position was recorded. Put the words it concerns inside it.');
    } else {
      this.warn('EMPTY_BRACKET', bracket.src, 'This bracket holds no words of its own; it was kept as written. Remove it or put the words it concerns inside it.');
    }
    stray(acc, opens);
    this.inline(alt.nodes, acc);
    stray(acc, alt.attr + closes + after);
  }

  private insertion(bracket: BracketNode, alt: Alternative, entries: Named[], acc: Acc, extra: Partial<UnProposalHints>): string {
    const id = this.builder.nextProposalId();
    const child = newAcc(acc.provisionId, id);
    this.inline(alt.nodes, child);
    const reading = this.reading(entries, 'text');
    this.builder.addProposal(
      {
        id,
        kind: 'insert',
        proponent: reading.proponent,
        anchor: { provisionId: acc.provisionId, parent: acc.parent, start: acc.text.length, end: acc.text.length },
        text: child.text,
        layout: {
          notation: this.hints(reading, { ...extra, late: child.late }),
          ...(bracket.implicitClose ? { implicitClose: true } : {}),
          ...(child.strays.length > 0 ? { strays: child.strays } : {}),
        },
      },
      reading.proponent === 'CHAIR',
    );
    this.record(id, reading);
    acc.point = { at: acc.text.length, id };
    acc.points.push(acc.point);
    return id;
  }

  private deletion(bracket: BracketNode, alt: Alternative, entries: Named[], acc: Acc, extra: Partial<UnProposalHints>): string {
    const id = this.builder.nextProposalId();
    const start = acc.text.length;
    const made = acc.points.length;
    this.inline(alt.nodes, acc);
    const edges = edgesOf(acc, made, start);
    const reading = this.reading(entries, 'deletion');
    this.builder.addProposal(
      {
        id,
        kind: 'delete',
        proponent: reading.proponent,
        anchor: { provisionId: acc.provisionId, parent: acc.parent, start, end: acc.text.length },
        layout: { notation: this.hints(reading, { ...extra, edges }), ...(bracket.implicitClose ? { implicitClose: true } : {}) },
      },
      reading.proponent === 'CHAIR',
    );
    this.record(id, reading);
    return id;
  }

  /** `[old - X delete][new - X]`: X proposes to replace the old words with the new. */
  /** `[old - X delete][new - X]`: the two alternatives when they make a replacement, else null. */
  private replacing(first: BracketNode, second: BracketNode, depth: number): { old: Alternative; fresh: Alternative; deleter: Named; entries: Named[] } | null {
    const olds = this.alternatives(first);
    const freshes = this.alternatives(second);
    const [old] = olds;
    const [fresh] = freshes;
    if (!old || !fresh || olds.length !== 1 || freshes.length !== 1) return null;
    const oldEntries = [...old.entries, ...tailNamed(first)];
    const entries = [...fresh.entries, ...tailNamed(second)];
    const deleter = oldEntries[0];
    if (oldEntries.length !== 1 || deleter?.verb !== 'objects' || proponentOf(entries, 'text') !== deleter.delegation) return null;
    if (!hasWords(fresh.nodes) || !this.putsWords(old.nodes, depth + 1)) return null;
    return { old, fresh, deleter, entries };
  }

  /**
   * Whether reading `nodes` puts words into the text around them: words of their own, or
   * words that stand inside brackets proposing to delete or replace them.
   */
  private putsWords(nodes: readonly TreeNode[], depth: number): boolean {
    if (hasWords(nodes)) return true;
    if (depth > MAX_DEPTH) return false;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.t !== 'bracket') continue;
      const next = nodes[i + 1];
      if (next?.t === 'bracket' && this.replacing(node, next, depth) !== null) return true;
      const alts = this.alternatives(node);
      const alt = alts[0];
      if (alts.length === 1 && alt && senseOf([...alt.entries, ...tailNamed(node)]) === 'deletion' && this.putsWords(alt.nodes, depth + 1)) return true;
    }
    return false;
  }

  private replacement(first: BracketNode, second: BracketNode, acc: Acc, after: string): boolean {
    const found = this.replacing(first, second, 0);
    if (found === null) return false;
    const { old, fresh, deleter, entries } = found;
    if (!deleter.known) this.unknown(deleter);
    const id = this.builder.nextProposalId();
    const start = acc.text.length;
    const made = acc.points.length;
    this.inline(old.nodes, acc);
    const end = acc.text.length;
    const edges = edgesOf(acc, made, start);
    const child = newAcc(acc.provisionId, id);
    this.inline(fresh.nodes, child);
    const reading = this.reading(entries, 'text');
    const names = deleter.written !== deleter.delegation ? { [deleter.delegation]: deleter.written } : {};
    this.builder.addProposal(
      {
        id,
        kind: 'replace',
        proponent: reading.proponent,
        anchor: { provisionId: acc.provisionId, parent: acc.parent, start, end },
        text: child.text,
        layout: {
          notation: this.hints({ ...reading, names: { ...names, ...reading.names } }, { form: 'replace', oldAttr: old.attr, oldTail: first.tail, attr: fresh.attr, tail: second.tail, after, late: child.late, edges }),
          ...(second.implicitClose ? { implicitClose: true } : {}),
          ...(child.strays.length > 0 ? { strays: child.strays } : {}),
        },
      },
      reading.proponent === 'CHAIR',
    );
    this.record(id, reading);
    return true;
  }

  /**
   * `[A - EU retain / B - US]`, `[shall][should]`: alternatives at one place. An alternative
   * without words means "no text"; it is kept as written beside the alternative next to it.
   */
  private alternativeSet(brackets: BracketNode[], acc: Acc, after: string): void {
    const pending: { alt: Alternative; entries: Named[]; extra: Partial<UnProposalHints>; implicitClose: boolean }[] = [];
    let allowsNoText = false;
    brackets.forEach((bracket, k) => {
      const alts = this.alternatives(bracket);
      const real = alts.filter((alt) => hasWords(alt.nodes));
      const raw = (alt: Alternative, index: number): string => (index > 0 ? alt.sep : '') + plainRaw(alt.nodes) + alt.attr;
      for (const alt of alts) {
        if (hasWords(alt.nodes)) continue;
        allowsNoText = true;
        if (alt.entries.length > 0) {
          this.warn('EMPTY_BRACKET', alt.entries[0]!.src, 'An alternative without words was read as "no text"; the names written with it were kept as written but no position was recorded.');
        }
      }
      const closing = (bracket.implicitClose ? '' : ']') + bracket.tail;
      if (real.length === 0) {
        const whole = '[' + alts.map(raw).join('') + closing;
        const target = pending.at(-1);
        if (target) target.extra = { ...target.extra, after: (target.extra.after ?? '') + whole };
        else stray(acc, whole);
        return;
      }
      alts.forEach((alt, m) => {
        if (!hasWords(alt.nodes)) return;
        const firstReal = alt === real[0];
        const lead = firstReal ? alts.slice(0, m).map(raw).join('') + (m > 0 ? alt.sep : '') : '';
        // Words-less alternatives after this one, up to the next real one, are written inside its attribution.
        let attr = alt.attr;
        for (let x = m + 1; x < alts.length && !hasWords(alts[x]!.nodes); x++) attr += raw(alts[x]!, x);
        const lastReal = alt === real.at(-1);
        const join: Partial<UnProposalHints> = !firstReal ? { join: 'slash', sep: alt.sep } : k > 0 ? { join: 'adjacent' } : {};
        pending.push({
          alt,
          entries: [...alt.entries, ...(lastReal ? tailNamed(bracket) : [])],
          extra: { ...join, lead, attr, ...(lastReal ? { tail: bracket.tail } : {}) },
          implicitClose: lastReal && bracket.implicitClose,
        });
      });
    });
    const lastMember = pending.at(-1);
    if (lastMember) lastMember.extra = { ...lastMember.extra, after: (lastMember.extra.after ?? '') + after };
    else if (after !== '') stray(acc, after);
    const members: OptionRef[] = [];
    for (const member of pending) {
      const id = this.builder.nextProposalId();
      const child = newAcc(acc.provisionId, id);
      this.inline(member.alt.nodes, child);
      const reading = this.reading(member.entries, 'text');
      this.builder.addProposal(
        {
          id,
          kind: 'insert',
          proponent: reading.proponent,
          anchor: { provisionId: acc.provisionId, parent: acc.parent, start: acc.text.length, end: acc.text.length },
          text: child.text,
          layout: {
            notation: this.hints(reading, { ...member.extra, late: child.late }),
            ...(member.implicitClose ? { implicitClose: true } : {}),
            ...(child.strays.length > 0 ? { strays: child.strays } : {}),
          },
        },
        reading.proponent === 'CHAIR',
      );
      this.record(id, reading);
      members.push({ t: 'proposal', id });
      acc.point = { at: acc.text.length, id };
      acc.points.push(acc.point);
    }
    if (members.length > 0) this.builder.addOptionSet(members, allowsNoText);
  }

  // -------------------------------------------------------------------------------------
  // Brackets and attributions

  /** The alternatives of a bracket (split at ` / `), each with the attribution at its end. */
  private alternatives(bracket: BracketNode): Alternative[] {
    let found = this.alternativesOf.get(bracket);
    if (!found) {
      found = this.splitAlternatives(bracket);
      this.alternativesOf.set(bracket, found);
    }
    return found;
  }

  private readonly alternativesOf = new WeakMap<BracketNode, Alternative[]>();

  private splitAlternatives(bracket: BracketNode): Alternative[] {
    const parts: { nodes: TreeNode[]; sep: string }[] = [];
    let nodes: TreeNode[] = [];
    let sep = '';
    for (const node of bracket.children) {
      if (node.t !== 'text') {
        nodes.push(node);
        continue;
      }
      let last = 0;
      for (const match of node.text.matchAll(/[ \t]+\/[ \t]+/gu)) {
        if (match.index > last) nodes.push({ t: 'text', text: node.text.slice(last, match.index), src: node.src + last });
        parts.push({ nodes, sep });
        nodes = [];
        sep = match[0];
        last = match.index + match[0].length;
      }
      if (last < node.text.length) nodes.push({ t: 'text', text: node.text.slice(last), src: node.src + last });
    }
    parts.push({ nodes, sep });
    return parts.map((part) => this.attributed(part.nodes, part.sep));
  }

  private attributed(nodes: TreeNode[], sep: string): Alternative {
    const last = nodes.at(-1);
    if (last?.t !== 'text') return { nodes, attr: '', entries: [], sep };
    const found = findDashAttribution(last.text, this.registry, nodes.length > 1) ?? this.parenthesisedInside(last.text);
    if (!found) return { nodes, attr: '', entries: [], sep };
    const kept = last.text.slice(0, found.at);
    return {
      nodes: [...nodes.slice(0, -1), ...(kept !== '' ? [{ ...last, text: kept }] : [])],
      attr: last.text.slice(found.at),
      entries: found.entries.map((entry) => ({ ...entry, src: last.src + found.namesAt + entry.offset })),
      sep,
    };
  }

  /** `[text (G77) (US: delete)]`: the groups after a blank, closing the words, as an attribution. */
  private parenthesisedInside(text: string): { at: number; namesAt: number; entries: NameEntry[] } | null {
    const found = trailingParenAttributions(text, this.registry);
    return found ? { at: found.at, namesAt: 0, entries: found.entries } : null;
  }

  /** `[[…] - US delete]`: peels outer brackets that hold nothing but one inner bracket. */
  private unwrap(bracket: BracketNode): { core: BracketNode; wraps: Wrap[] } {
    const wraps: Wrap[] = [];
    let core = bracket;
    while (wraps.length < MAX_DEPTH) {
      const alts = this.alternatives(core);
      const alt = alts[0];
      if (alts.length !== 1 || !alt) break;
      const content = alt.nodes.filter((node) => !(node.t === 'text' && node.text === ''));
      const inner = content[0];
      if (content.length !== 1 || inner?.t !== 'bracket') break;
      wraps.unshift({ attr: alt.attr, tail: core.tail, entries: [...alt.entries, ...tailNamed(core)], ...(core.implicitClose ? { implicitClose: true } : {}) });
      core = inner;
    }
    return { core, wraps };
  }

  /** `… text. (US: delete)`: an attribution after an unbracketed paragraph, with a verb. */
  private paragraphAttribution(nodes: TreeNode[]): { nodes: TreeNode[]; raw: string; entries: Named[] } | null {
    const last = nodes.at(-1);
    if (last?.t !== 'text') return null;
    const match = TRAILING_PAREN.exec(last.text);
    if (!match || match[3] !== '') return null;
    const found = parseAttribution(match[2] ?? '', this.registry);
    if (!found || !found.some((e) => e.verb === 'objects' || e.verb === 'proposes')) return null;
    const innerAt = last.src + match.index + (match[1] ?? '').length + 1;
    const kept = last.text.slice(0, match.index);
    return {
      nodes: [...nodes.slice(0, -1), ...(kept !== '' ? [{ ...last, text: kept }] : [])],
      raw: last.text.slice(match.index),
      entries: found.map((e) => ({ ...e, src: innerAt + e.offset })),
    };
  }

  /** Who proposes and who stands where; reports unknown names and names given twice. */
  private reading(entries: readonly Named[], sense: 'text' | 'deletion'): Reading {
    const proponentEntry = entries.find((e) => stanceOf(e.verb, sense) === 'proposes');
    const proponent = proponentEntry?.delegation ?? null;
    const positions: { delegation: string; stance: Stance }[] = [];
    const stances = new Map<string, Stance>();
    const names: Record<string, string> = {};
    const seen = new Set<string>();
    if (proponent !== null && proponent !== 'CHAIR') stances.set(proponent, 'proposes');
    for (const entry of entries) {
      if (!entry.known) this.unknown(entry);
      if (seen.has(entry.delegation)) {
        this.warn('DUPLICATE_POSITION', entry.src, `${entry.written} is named twice on the same bracket; the last position written counts.`);
      }
      seen.add(entry.delegation);
      if (entry.written !== entry.delegation) names[entry.delegation] = entry.written;
      if (entry === proponentEntry) continue;
      const stance = stanceOf(entry.verb, sense);
      positions.push({ delegation: entry.delegation, stance });
      stances.set(entry.delegation, stance);
    }
    return { proponent, positions, sig: signature(stances), names };
  }

  private record(proposalId: string, reading: Reading): void {
    for (const { delegation, stance } of reading.positions) this.builder.addPosition({ proposalId, delegation, stance, reason: null });
  }

  private hints(reading: Reading, extra: Partial<UnProposalHints>): Record<string, unknown> {
    const hints: Record<string, unknown> = { un: 1, sig: reading.sig };
    for (const [key, value] of Object.entries(extra)) {
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      hints[key] = value;
    }
    if (Object.keys(reading.names).length > 0) hints['names'] = reading.names;
    return hints;
  }

  private unknown(entry: Named): void {
    this.warn('UNKNOWN_DELEGATION', entry.src, `"${entry.written}" is not a delegation Parley knows; it was kept as written. Check the spelling, or add it to the organisation's aliases.`);
  }

  private unattributed(src: number, what: 'words' | 'paragraph' | 'paragraphs'): void {
    const noun = what === 'words' ? 'bracket' : what === 'paragraph' ? 'bracketed paragraph' : 'bracket around these paragraphs';
    this.warn('UNATTRIBUTED_BRACKET', src, `This ${noun} names no delegation; it was recorded as a proposal without proponent. Add who proposed it after a dash ("- G77").`);
  }

  // -------------------------------------------------------------------------------------
  // Provisions, labels, trailers

  /** Splits "PP2 bis ", "(a) " or a bracketed "[OP5] " off the front of a paragraph. */
  private takeLabel(nodes: readonly TreeNode[]): LabelTake {
    const body = [...nodes];
    const first = body[0];
    if (first?.t === 'bracket' && first.tail === '' && first.children.length === 1 && first.children[0]!.t === 'text') {
      const inside = (first.children[0] as TextNode).text;
      const label = parseUnLabel(inside);
      if (label && label.raw === inside) {
        body.shift();
        const next = body[0];
        let afterLabel = '';
        if (next?.t === 'text') {
          afterLabel = /^[ \t]*/u.exec(next.text)![0];
          body[0] = { ...next, text: next.text.slice(afterLabel.length), src: next.src + afterLabel.length };
        }
        return { layout: { labelBracketed: true, ...labelLayout('', label, afterLabel) }, label, body, src: first.src + 1 };
      }
    }
    if (first?.t !== 'text') return { layout: {}, label: null, body };
    const { prefix, label, afterLabel, rest } = splitLeadingLabel(first.text, parseUnLabel, PREFIX, /^\s*/u);
    if (!label) {
      if (prefix !== '') body[0] = { ...first, text: rest, src: first.src + prefix.length };
      return { layout: labelLayout(prefix, null, ''), label: null, body };
    }
    if (rest !== '') body[0] = { ...first, text: rest, src: first.src + prefix.length + label.raw.length + afterLabel.length };
    else body.shift();
    return { layout: labelLayout(prefix, label, afterLabel), label, body, src: first.src + prefix.length };
  }

  private provisionInput(id: string, take: LabelTake, acc: Acc, trailer: TrailerHint[], plain: () => string): ProvisionInput {
    const hints: UnProvisionHints | null =
      trailer.length > 0 || acc.late.length > 0 ? { un: 1, ...(trailer.length > 0 ? { trailer } : {}), ...(acc.late.length > 0 ? { late: acc.late } : {}) } : null;
    return {
      id,
      kind: this.kindOf(take.label, plain),
      label: take.label?.label ?? null,
      text: acc.text,
      layout: {
        ...take.layout,
        ...(acc.strays.length > 0 ? { strays: acc.strays } : {}),
        ...(hints ? { notation: hints as unknown as Record<string, unknown> } : {}),
      },
    };
  }

  /** The kind a label says, or the words when it says nothing (`words` is only read then). */
  private kindOf(label: ParsedLabel | null, words: () => string): ProvisionKind {
    if (label) this.seenLabel = true;
    if (label?.style === 'preambular') return 'preamble';
    if (label?.style === 'operative') return 'paragraph';
    if (label?.style === 'letter') return 'sub-item';
    if (label?.style === 'upper') return 'heading';
    const plain = words().replace(/\s+/gu, ' ').trim();
    const count = plain === '' ? 0 : plain.split(' ').length;
    const terminal = /[.;:,!?]["”’)]*$/u.test(plain);
    if (label) return count <= 12 && !terminal ? 'heading' : 'paragraph';
    if (/,$/u.test(plain)) return 'preamble';
    if (count > 0 && count <= 12 && !terminal) {
      if (/^(?:annex|appendix|part)\b/iu.test(plain)) this.part++;
      return 'heading';
    }
    return this.seenLabel ? 'paragraph' : 'free-text';
  }

  /** Tags and notes written at the end of a paragraph, taken off its words. */
  private stripTrailer(nodes: readonly TreeNode[]): { nodes: TreeNode[]; items: TrailerItem[] } {
    const content = trimBlank([...nodes]);
    const items: TrailerItem[] = [];
    const takeSpace = (): string => {
      const before = content.at(-1);
      if (before?.t !== 'text') return '';
      const kept = before.text.replace(/\s+$/u, '');
      const space = before.text.slice(kept.length);
      if (kept === '') content.pop();
      else content[content.length - 1] = { ...before, text: kept };
      return space;
    };
    for (;;) {
      const last = content.at(-1);
      if (last?.t === 'bracket' && last.tail === '' && !last.implicitClose && last.children.every((c) => c.t === 'text')) {
        const inner = plainText(last.children);
        const kind = tagOrNote(inner.trim(), this.registry);
        if (kind === null) break;
        content.pop();
        items.unshift({ kind, raw: `[${inner}]`, content: inner.trim(), space: takeSpace(), own: false });
        continue;
      }
      if (last?.t === 'text') {
        const match = TRAILING_PAREN.exec(last.text);
        const inner = match?.[2]?.trim() ?? '';
        const kind = match ? tagOrNote(inner, this.registry) : null;
        if (!match || kind === null) break;
        const kept = last.text.slice(0, match.index);
        if (kept.trim() === '') content.pop();
        else content[content.length - 1] = { ...last, text: kept };
        const space = (kept.trim() === '' ? kept : '') + (match[1] ?? '');
        items.unshift({ kind, raw: `(${match[2] ?? ''})${match[3] ?? ''}`, content: inner, space: kept.trim() === '' ? space + takeSpace() : space, own: false });
        continue;
      }
      break;
    }
    return { nodes: content, items };
  }

  /** Layout hints for a paragraph's tags and notes, and what to record once the provision exists. */
  private trailer(items: readonly TrailerItem[], outside = false): { hints: TrailerHint[]; apply: (provisionId: string) => void } {
    const hints: TrailerHint[] = [];
    const statements: { id: string; kind: StatementKind; by: string | null; text: string }[] = [];
    let status: Exclude<AgreementStatus, 'open'> | null = null;
    for (const item of items) {
      const own = { ...(item.own ? { own: true } : {}), ...(outside ? { outside: true } : {}) };
      if (item.kind === 'tag') {
        hints.push({ t: 'tag', raw: item.raw, space: item.space, ...own });
        status = /^adopted/iu.test(item.content) ? 'adopted' : 'agreed-ad-ref';
      } else {
        const id = this.builder.nextStatementId();
        hints.push({ t: 'note', statementId: id, raw: item.raw, space: item.space, ...own });
        statements.push({ id, ...classifyNote(item.content, this.registry), text: item.content });
      }
    }
    return {
      hints,
      apply: (provisionId) => {
        for (const statement of statements) {
          this.builder.addStatement({ ...statement, anchor: { provisionId, at: 'end' }, layout: { notation: { un: 1 } } });
        }
        if (status !== null) this.builder.agree(provisionId, status);
      },
    };
  }

  private recordLabel(label: ParsedLabel | null, src: number): void {
    if (label === null || (label.style !== 'preambular' && label.style !== 'operative' && label.style !== 'decimal')) return;
    this.records.push({ key: labelKey(label.label), src, group: this.group, part: this.part });
  }

  private checkNumbers(): void {
    const seen = new Map<string, LabelRecord>();
    for (const record of this.records) {
      const key = `${record.part}:${record.key}`;
      const earlier = seen.get(key);
      if (earlier && (earlier.group === null || earlier.group !== record.group)) {
        const { line } = this.lines.locate(earlier.src);
        this.warn('DUPLICATE_NUMBER', record.src, `Number ${record.key} is used twice: here and at line ${line}. Renumber one of them.`);
      }
      seen.set(key, record);
    }
  }
}

/**
 * Insertions written inside a deletion's bracket at its very start or end, made since the
 * `made`-th: views put insertions at the edges of a range outside it, so the writer must be told.
 */
function edgesOf(acc: Acc, made: number, start: number): string[] {
  return acc.points.slice(made).filter((point) => point.at === start || point.at === acc.text.length).map((point) => point.id);
}

/** Keeps characters that are not words where they stood: after the insertions at their point, or before what follows. */
function stray(acc: Acc, text: string): void {
  if (text === '') return;
  if (acc.point !== null && acc.point.at === acc.text.length) acc.late.push({ at: acc.text.length, text, after: acc.point.id });
  else acc.strays.push({ at: acc.text.length, text });
}

/** Only a paragraph that opens with a bracket or a parenthesis can be tags and notes alone. */
function mayBeTrailer(nodes: readonly TreeNode[]): boolean {
  const first = nodes[0];
  return first?.t === 'bracket' || (first?.t === 'text' && first.text.trimStart().startsWith('('));
}

function newAcc(provisionId: string, parent: string | null): Acc {
  return { text: '', strays: [], late: [], point: null, points: [], provisionId, parent };
}

/** Words for the text unless nobody proposes them and someone wants them deleted. */
function senseOf(entries: readonly Named[]): 'text' | 'deletion' {
  const forWords = entries.some((e) => e.verb === 'none' || e.verb === 'proposes');
  return !forWords && entries.some((e) => e.verb === 'objects') ? 'deletion' : 'text';
}

function stanceOf(verb: Verb, sense: 'text' | 'deletion'): Stance {
  if (verb === 'reserves') return 'reserves';
  if (sense === 'text') return verb === 'none' || verb === 'proposes' ? 'proposes' : verb;
  // On words that stand: `delete` proposes the deletion, `retain` objects to it.
  return verb === 'supports' ? 'objects' : 'proposes';
}

function proponentOf(entries: readonly Named[], sense: 'text' | 'deletion'): string | null {
  return entries.find((e) => stanceOf(e.verb, sense) === 'proposes')?.delegation ?? null;
}

function tailNamed(bracket: BracketNode): Named[] {
  return bracket.tailEntries.map((entry) => ({ ...entry, src: bracket.tailSrc + entry.offset }));
}

function wrapHints(wraps: readonly Wrap[]): WrapHint[] {
  return wraps.map(({ attr, tail, implicitClose }) => ({ attr, tail, ...(implicitClose ? { implicitClose } : {}) }));
}

function tagOrNote(content: string, registry: DelegationRegistry): 'tag' | 'note' | null {
  if (TAG.test(content)) return 'tag';
  if (NOTE.test(content)) return 'note';
  const named = /^([^:]{1,60}):\s*reserv/iu.exec(content);
  if (named?.[1] !== undefined && (parseAttribution(named[1], registry)?.every((e) => e.known) ?? false)) return 'note';
  return null;
}

function classifyNote(content: string, registry: DelegationRegistry): { kind: StatementKind; by: string | null } {
  const named = /^([^:]{1,60}):\s*reserv/iu.exec(content);
  const first = named?.[1] !== undefined ? parseAttribution(named[1], registry)?.[0] : undefined;
  if (first) return { kind: 'reservation', by: first.delegation };
  if (/^(?:former|formerly|moved|merged|renumbered)\b/iu.test(content)) return { kind: 'renumbering', by: null };
  if (/^(?:source|based on)\b/iu.test(content)) return { kind: 'provenance', by: null };
  if (/^reservation\b/iu.test(content)) return { kind: 'reservation', by: null };
  if (/^(?:statement|interpretative)\b/iu.test(content)) return { kind: 'interpretative', by: null };
  if (/^[^:]{0,40}\b(?:chair|facilitator|co-?chair|president)/iu.test(content)) return { kind: 'chair-note', by: 'CHAIR' };
  return { kind: 'footnote', by: null };
}

function numeral(token: string): number | null {
  if (/^\d+$/u.test(token)) return Number(token);
  if (/^[A-H]$/u.test(token)) return token.charCodeAt(0) - 64;
  const roman: Record<string, number> = { I: 1, V: 5, X: 10 };
  if (/^[IVX]+$/u.test(token)) {
    let total = 0;
    for (let i = 0; i < token.length; i++) {
      const value = roman[token[i]!]!;
      const next = roman[token[i + 1] ?? ''] ?? 0;
      total += value < next ? -value : value;
    }
    return total;
  }
  return null;
}

function labelOf(unit: Unit): ParsedLabel | null {
  const first = unit.nodes[0];
  return first?.t === 'text' ? parseUnLabel(first.text.replace(PREFIX, '')) : null;
}

/** The last option of a run goes on over its sub-items and over numbers the earlier options used. */
function continuesOption(unit: Unit, seenLabels: ReadonlySet<string>): boolean {
  const label = labelOf(unit);
  return label !== null && (label.style === 'letter' || seenLabels.has(labelKey(label.label)));
}

function hasWords(nodes: readonly TreeNode[]): boolean {
  return nodes.some((node) => node.t === 'text' && node.text.trim() !== '');
}

function isBlank(nodes: readonly TreeNode[]): boolean {
  return nodes.every((node) => node.t === 'text' && node.text.trim() === '');
}

function trimBlank(nodes: TreeNode[]): TreeNode[] {
  const out = [...nodes];
  while (out.length > 0 && out[0]!.t === 'text' && (out[0] as TextNode).text.trim() === '') out.shift();
  while (out.length > 0 && out.at(-1)!.t === 'text' && (out.at(-1) as TextNode).text.trim() === '') out.pop();
  return out;
}

function firstSrc(nodes: readonly TreeNode[]): number {
  return nodes[0]?.src ?? 0;
}

/** The words of nodes, brackets left out. */
function plainText(nodes: readonly TreeNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text') out += node.text;
    else if (node.t === 'bracket') out += plainText(node.children);
  }
  return out;
}

/** A paragraph as the draft wrote it, with the tag and note lines under it. */
function unitRaw(unit: Unit): string {
  return [unit.nodes, ...unit.own.map((own) => own.nodes)].map(plainRaw).join('\n');
}

/** The nodes as the draft wrote them. */
function plainRaw(nodes: readonly TreeNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text' || node.t === 'stray') out += node.text;
    else if (node.t === 'para') out += '\n\n';
    else out += '[' + plainRaw(node.children) + (node.implicitClose ? '' : ']') + node.tail;
  }
  return out;
}
