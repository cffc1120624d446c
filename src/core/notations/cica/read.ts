/**
 * Second stage of reading a CICA-style draft: decides what each bracket means and
 * records provisions, proposals, positions, statements and option sets in the builder.
 *
 * The conventions (as the seed uses them):
 * - `[text] (+ISR)` ISR proposes to insert; `(ISR)` names the proponent without a sign;
 * - `[text] (-IND)` with no proponent: the words stand, India proposes to delete them;
 * - `[text] (-IND) (+Turk)` Turkey proposes, India objects;
 * - `text (-Thai) [new] (+Thai)` and `[old] (-X) [new] (+X)`: a replacement;
 * - a lone `word (-Rus)`: a deletion whose extent the draft does not show;
 * - a bracket around a whole paragraph (or several) proposes or opposes the paragraphs;
 * - `[[…] (+Turk)] (-IND)`: India objects to Turkey's proposal;
 * - `~~text~~` the chair proposes to delete; `[text] (+Thai)` right after it: keep it;
 * - `OR` between paragraphs: alternatives; superscripts: footnotes; `wWidening`: a case toggle.
 */
import type { ProposalInput, ProvisionInput } from '../../events/event.ts';
import type { OptionRef } from '../../model/option-set.ts';
import type { Stance } from '../../model/position.ts';
import type { ProposalKind, ProposalLayout, TailItem } from '../../model/proposal.ts';
import type { CaseToggle, ProvisionKind, ProvisionLayout } from '../../model/provision.ts';
import type { StatementAnchor, StatementKind, StatementLayout } from '../../model/statement.ts';
import { labelLayout, parseLabel, splitLeadingLabel, type ParsedLabel } from '../../text/labels.ts';
import { LineIndex } from '../../text/line-index.ts';
import type { ImportContext } from '../notation.ts';
import type { ImportWarningCode } from '../warnings.ts';
import { readTree, splitDraft, type BracketNode, type FootnoteText, type Marker, type TailEntry, type TreeNode } from './parse-tree.ts';

interface Accumulator {
  text: string;
  toggles: CaseToggle[];
  strays: { at: number; text: string }[];
  /** Offset of the last thing placed in the text by its offset (a stray bracket, a footnote mark). */
  anchoredUpTo: number;
  readonly provisionId: string;
  readonly parent: string | null;
  /** Offset after the last proposal in this container: a deletion's guessed extent stops there. */
  floor: number;
  /** The last proposal made in this container, for markers that stand alone after it. */
  lastProposal: string | null;
  /** An insertion ended with a lower-case letter toggling the next word: `p]Promoting`. */
  pendingToggle: string | null;
  /** The next text's leading space was taken by the insertion before it. */
  skipSpace: boolean;
  readonly hasLabel: boolean;
}

interface ReplacedLayout {
  readonly oldBracketed: boolean;
  readonly gap: string;
  readonly markerSpace: string;
  readonly written: string;
}

interface PendingStatement {
  readonly id: string;
  readonly note: FootnoteText | null;
  marker: string;
  anchor: StatementAnchor | null;
  layout: StatementLayout;
}

type Frame = { readonly kind: 'new'; readonly provisions: ProvisionInput[] } | { readonly kind: 'delete'; readonly provisionIds: string[] };

interface ProvisionRecord {
  readonly id: string;
  readonly label: string | null;
  readonly style: ParsedLabel['style'] | null;
  readonly part: number;
  readonly src: number;
  group: number | null;
}

/** Layouts are built key by key, in the order the events hold them; readers see them read-only. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_TRAILING: { marker: Marker; space: string; src: number }[] = [];
const LEADING_BLANKS = /^[ \t]*/u;

const LABEL_RANGE = /^\s*\d+(?:\.\d+)+\s*[-–]\s*\d+(?:\.\d+)+\s/u;
const PREFIX = /^(\s*[-–•]\s+|\s+)/u;

export function readCica(input: string, context: ImportContext): void {
  new CicaReader(input, context).read();
}

class CicaReader {
  private readonly lines: LineIndex;
  private readonly builder;
  private readonly statements: PendingStatement[] = [];
  private readonly records: ProvisionRecord[] = [];
  private part = 0;
  private lastProvision: string | null = null;
  private seenNumbered = false;
  private previousKind: ProvisionKind | null = null;
  private groupCounter = 0;

  constructor(
    private readonly input: string,
    private readonly context: ImportContext,
  ) {
    this.lines = new LineIndex(input);
    this.builder = context.builder;
  }

  read(): void {
    const draft = splitDraft(this.input);
    // Long loops that run once per draft are written with indexes: a `for…of` that runs before
    // the optimiser takes the function over makes an iterator result per element.
    for (let n = 0; n < draft.footnotes.length; n++) {
      const note = draft.footnotes[n]!;
      const statement: PendingStatement = { id: this.builder.nextStatementId(), note, marker: note.marker, anchor: null, layout: { marker: note.marker } };
      this.statements.push(statement);
      this.statementByNote.set(note, statement);
      const queue = this.notesByMarker.get(note.marker);
      if (queue) queue.statements.push(statement);
      else this.notesByMarker.set(note.marker, { statements: [statement], next: 0 });
    }
    // Each paragraph is read as soon as its brackets are: the tree of a long draft is never whole.
    const top = this.levelReader(null);
    const problems = readTree(draft, this.context.registry, (nodes) => {
      for (let n = 0; n < nodes.length; n++) top.node(nodes[n]!);
    });
    top.finish();
    this.finishStatements();
    this.checkNumbers();
    // The draft's problems come first, as they did when the tree was read whole before its meaning.
    for (const problem of problems) this.report(problem.code, problem.src, problem.message);
    for (const warning of this.warnings) this.report(warning.code, warning.src, warning.message);
  }

  /** Warnings wait until the tree's problems are known, which is only at its end. */
  private readonly warnings: { readonly code: ImportWarningCode; readonly src: number; readonly message: string }[] = [];

  private warn(code: ImportWarningCode, src: number, message: string): void {
    this.warnings.push({ code, src, message });
  }

  private report(code: ImportWarningCode, src: number, message: string): void {
    const { line, column } = this.lines.locate(src);
    this.context.warn({ code, line, column, message });
  }

  // -------------------------------------------------------------------------------------
  // Paragraph level

  /** Reads a run of paragraphs. */
  private level(nodes: readonly TreeNode[], frame: Frame | null): void {
    const reader = this.levelReader(frame);
    for (let n = 0; n < nodes.length; n++) reader.node(nodes[n]!);
    reader.finish();
  }

  /** Reads a run of paragraphs given node by node; `finish` after the last. */
  private levelReader(frame: Frame | null): { readonly node: (node: TreeNode) => void; readonly finish: () => void } {
    let paragraph: TreeNode[] = [];
    let orGroup: OptionRef[] | null = null;
    let lastUnit: OptionRef | null = null;
    let orPending = false;
    let orNode: Extract<TreeNode, { t: 'or' }> | null = null;
    const groups: OptionRef[][] = [];

    const unitDone = (ref: OptionRef | null): void => {
      if (ref === null) return;
      if (orPending && lastUnit !== null) {
        if (orGroup === null) {
          orGroup = [lastUnit];
          groups.push(orGroup);
        }
        orGroup.push(ref);
      } else {
        orGroup = null;
      }
      orPending = false;
      orNode = null;
      lastUnit = ref;
    };
    const flush = (): void => {
      const content = paragraph;
      paragraph = [];
      if (!content.some((node) => node.t !== 'text' || node.text.trim() !== '')) return;
      unitDone(this.paragraph(content, frame));
    };

    const node = (node: TreeNode): void => {
      if (node.t === 'para') {
        flush();
      } else if (node.t === 'or') {
        flush();
        if (orNode !== null) this.looseOr(orNode);
        if (lastUnit === null) {
          this.looseOr(node);
        } else {
          orPending = true;
          orNode = node;
        }
      } else if (node.t === 'footnote') {
        flush();
        this.placeNote(node.note, { placedAfter: this.lastProvision ?? undefined });
      } else if (node.t === 'bracket' && node.children.some((child) => child.t === 'para' || child.t === 'or')) {
        // A bracket around paragraphs starts a block; words before it on its line stand on their own.
        flush();
        unitDone(this.block(node, frame));
      } else {
        paragraph.push(node);
      }
    };
    const finish = (): void => {
      flush();
      if (orPending && orNode !== null) this.looseOr(orNode);
      this.formOptionSets(groups);
    };
    return { node, finish };
  }

  /** `OR` groups become option sets once their run of paragraphs is read. */
  private formOptionSets(groups: readonly OptionRef[][]): void {
    for (const members of groups) {
      this.builder.addOptionSet(members);
      // Alternatives share a number; the duplicate-number check must not flag them.
      for (const member of members) {
        const ids = member.t === 'provision' ? [member.id] : (this.proposalProvisions.get(member.id) ?? []);
        for (const id of ids) {
          const record = this.recordOf(id);
          if (record) record.group = this.groupCounter;
        }
      }
      this.groupCounter++;
    }
  }

  private readonly proposalProvisions = new Map<string, string[]>();

  /** An `OR` with no alternative on one side separates nothing; it is kept as a line of text. */
  private looseOr(or: Extract<TreeNode, { t: 'or' }>): void {
    this.warn('LOOSE_MARKER', or.src, 'This "OR" has no alternative on one side; it was kept as a line of text.');
    const id = this.builder.nextProvisionId();
    this.record(id, null, or.src);
    this.place({ id, kind: 'free-text', label: null, text: or.raw }, null);
  }

  /** A bracket around several paragraphs: proposes them as a block, or opposes them. */
  private block(bracket: BracketNode, outer: Frame | null): OptionRef | null {
    const { markers } = bracket;
    const firstFor = firstForText(markers);
    if (firstFor !== undefined || markers.length === 0) {
      const id = this.builder.nextProposalId();
      const frame: Frame = { kind: 'new', provisions: [] };
      this.level(bracket.children, frame);
      if (frame.provisions.length === 0) frame.provisions.push(this.emptyProvision(bracket.src));
      const proponent = firstFor?.delegation ?? null;
      if (proponent === null) this.warn('UNATTRIBUTED_BRACKET', bracket.src, 'These bracketed paragraphs name no delegation; they were recorded as a proposal without proponent. Add who proposed them.');
      const tail = this.tailItems(id, 'text', bracket.tail, proponent);
      this.builder.addProposal({
        id,
        kind: 'new-provision',
        proponent,
        provisions: frame.provisions,
        layout: { tail, ...(bracket.implicitClose ? { implicitClose: true } : {}) },
      });
      this.proposalProvisions.set(id, frame.provisions.map((p) => p.id));
      if (outer?.kind === 'delete') outer.provisionIds.push(...frame.provisions.map((p) => p.id));
      return { t: 'proposal', id };
    }
    const frame: Frame = { kind: 'delete', provisionIds: [] };
    this.level(bracket.children, frame);
    if (frame.provisionIds.length === 0) {
      // Nothing of the text inside to delete (only proposals of their own): the bracket stands as
      // an empty proposed paragraph the markers object to, so neither it nor they are lost.
      const id = this.builder.nextProposalId();
      this.builder.addProposal({ id, kind: 'new-provision', proponent: null, provisions: [this.emptyProvision(bracket.src)], layout: { tail: this.tailItems(id, 'text', bracket.tail, null), ...(bracket.implicitClose ? { implicitClose: true } : {}) } });
      return { t: 'proposal', id };
    }
    if (outer?.kind === 'delete') outer.provisionIds.push(...frame.provisionIds);
    const id = this.builder.nextProposalId();
    const proponent = firstAgainst(markers)?.delegation ?? null;
    this.builder.addProposal({
      id,
      kind: 'delete-provision',
      proponent,
      provisionIds: frame.provisionIds,
      layout: { tail: this.tailItems(id, 'deletion', bracket.tail, proponent), ...(bracket.implicitClose ? { implicitClose: true } : {}) },
    });
    return { t: 'provision', id: frame.provisionIds[0]! };
  }

  /**
   * An empty paragraph, placed in the draft's order at `src`, to hold what has no paragraph of
   * its own: footnote texts in a draft of nothing else, the brackets (and markers) of a block
   * whose insides all became proposals of their own (`[[…]\n\n]`) — so that nothing of the
   * draft is lost (both found by the import fuzz campaign).
   */
  private emptyProvision(src: number): ProvisionInput {
    const id = this.builder.nextProvisionId();
    this.record(id, null, src);
    return { id, kind: 'free-text', label: null, text: '' };
  }

  /** One paragraph: a provision, possibly proposed or opposed as a whole, or a remark. */
  private paragraph(nodes: TreeNode[], frame: Frame | null): OptionRef | null {
    const content = trimBlank(nodes);
    // Proponent named at the end without brackets: "… destruction. (Turk)".
    let trailing: { marker: Marker; space: string; src: number }[] = NO_TRAILING;
    // Not inside a bracket around several paragraphs: a paragraph proposed on its own there
    // would leave the block without provisions and its brackets would be lost (found by the
    // import fuzz campaign); the marker stays in the text, with a warning.
    while (frame?.kind !== 'new' && content.length > 0) {
      const last = content.at(-1)!;
      if (last.t === 'marker' && (last.marker.sign === '+' || last.marker.sign === '')) {
        content.pop();
        const before = content.at(-1);
        let space = '';
        if (before?.t === 'text') {
          const trimmed = before.text.replace(/[ \t]+$/u, '');
          space = before.text.slice(trimmed.length);
          content[content.length - 1] = { ...before, text: trimmed };
        }
        if (trailing === NO_TRAILING) trailing = [];
        trailing.unshift({ marker: last.marker, space, src: last.src });
      } else break;
    }

    // `[2.5.8 …] (-Turk) [2.5.8 …] (+IND)`: a deletion and the copy of those who keep it.
    const first = content[0];
    const gap = content[1];
    const copy = content[2];
    if (content.length === 3 && first?.t === 'bracket' && gap?.t === 'text' && gap.text.trim() === '' && isRetainCopy(first, copy)) {
      return this.wholeParagraph(first, null, frame, (copy as BracketNode).tail);
    }
    const whole = wholeBracket(content);
    if (whole) return this.wholeParagraph(whole.bracket, whole.labelText, frame);

    const provisionId = this.builder.nextProvisionId();
    const { layout, label, body } = this.takeLabel(content);
    const acc = newAccumulator(provisionId, null, label !== null);
    this.inline(body, acc);
    const kind = this.classify(label, acc.text, content);
    const provision = this.provisionInput(provisionId, kind, label, acc, layout);
    const src = firstSrc(content);

    if (trailing.length > 0) {
      const id = this.builder.nextProposalId();
      const proponent = trailing[0]!.marker.delegation;
      const entries: TailEntry[] = trailing.map((t) => ({ t: 'marker', marker: t.marker, space: t.space, src: t.src }));
      const tail = this.tailItems(id, 'text', entries, proponent);
      this.builder.addProposal({ id, kind: 'new-provision', proponent, provisions: [provision], layout: { tail, unbracketed: true } });
      this.proposalProvisions.set(id, [provisionId]);
      this.record(provisionId, label, src);
      this.lastProvision = provisionId;
      if (frame?.kind === 'delete') frame.provisionIds.push(provisionId);
      return { t: 'proposal', id };
    }
    this.place(provision, frame);
    this.record(provisionId, label, src);
    return { t: 'provision', id: provisionId };
  }

  /** `[2.2.1 …] (+Rus)`, `[2.5.8 …] (-Turk)`, `2.2.7 [[…] (+CHN)] (-ISR)` or a remark. */
  private wholeParagraph(bracket: BracketNode, labelText: string | null, frame: Frame | null, retainTail: readonly TailEntry[] = []): OptionRef | null {
    const firstFor = firstForText(bracket.markers);
    const firstAgainstIt = firstAgainst(bracket.markers);

    // `[[…] (+THA)] (-IND)`: the outer bracket only records objections to the inner one.
    const inner = wholeBracket(trimBlank(bracket.children));
    if (firstFor === undefined && firstAgainstIt !== undefined && inner && inner.labelText === null && labelText === null) {
      const ref = this.wholeParagraph(inner.bracket, null, frame);
      const target = ref?.t === 'proposal' ? ref.id : null;
      if (target) {
        this.wrapObjections(target, bracket.tail);
        return ref;
      }
    }

    const plain = plainText(bracket.children);
    if (labelText === null && firstFor !== undefined && LABEL_RANGE.test(plain) && bracket.children.every((c) => c.t === 'text')) {
      const id = this.builder.nextProposalId();
      const proponent = firstFor.delegation;
      this.warn('REMARK', bracket.src, 'This bracket comments on paragraphs rather than proposing words; it was recorded as a remark by ' + proponent + '.');
      this.builder.addProposal({
        id,
        kind: 'remark',
        proponent,
        text: plain,
        about: this.lastProvision,
        layout: { tail: this.tailItems(id, 'text', bracket.tail, proponent) },
      });
      return null;
    }

    const provisionId = this.builder.nextProvisionId();
    const outsideLabel = labelText !== null ? this.takeLabel([{ t: 'text', text: labelText, src: bracket.src }]) : null;
    const { layout, label, body } = outsideLabel ?? this.takeLabel(bracket.children);
    const innerBody = outsideLabel ? bracket.children : body;
    const acc = newAccumulator(provisionId, null, label !== null);
    this.inline(innerBody, acc);
    const kind = this.classify(label, acc.text, bracket.children);
    const provision = this.provisionInput(provisionId, kind, label, acc, layout);
    this.record(provisionId, label, bracket.src);
    const common = { ...(bracket.implicitClose ? { implicitClose: true } : {}), ...(bracket.markersInside ? { markersInside: true } : {}) };

    if (firstFor !== undefined || firstAgainstIt === undefined) {
      const id = this.builder.nextProposalId();
      const proponent = firstFor?.delegation ?? null;
      if (proponent === null) this.warn('UNATTRIBUTED_BRACKET', bracket.src, 'This bracketed paragraph names no delegation; it was recorded as a proposal without proponent. Add who proposed it.');
      const tail = this.tailItems(id, 'text', bracket.tail, proponent);
      this.builder.addProposal({
        id,
        kind: 'new-provision',
        proponent,
        provisions: [provision],
        layout: { tail, ...common, ...(outsideLabel ? { labelOutside: true } : {}) },
      });
      this.proposalProvisions.set(id, [provisionId]);
      this.lastProvision = provisionId;
      if (frame?.kind === 'delete') frame.provisionIds.push(provisionId);
      return { t: 'proposal', id };
    }
    this.place(provision, frame);
    const id = this.builder.nextProposalId();
    const proponent = firstAgainstIt.delegation;
    this.builder.addProposal({
      id,
      kind: 'delete-provision',
      proponent,
      provisionIds: [provisionId],
      layout: {
        tail: [...this.tailItems(id, 'deletion', bracket.tail, proponent), ...this.tailItems(id, 'retain', retainTail, null)],
        ...common,
        ...(outsideLabel ? { labelOutside: true } : {}),
      },
    });
    return { t: 'provision', id: provisionId };
  }

  private place(provision: ProvisionInput, frame: Frame | null): void {
    if (frame?.kind === 'new') frame.provisions.push(provision);
    else {
      this.builder.addProvision(provision);
      if (frame?.kind === 'delete') frame.provisionIds.push(provision.id);
    }
    this.lastProvision = provision.id;
  }

  private record(id: string, label: ParsedLabel | null, src: number): void {
    this.builder.placeInOrder(id);
    const record = { id, label: label?.label ?? null, style: label?.style ?? null, part: this.part, src, group: null };
    this.records.push(record);
  }

  /**
   * The record of a provision, for the alternatives (`OR`) that share a number. Records are
   * made only here, each as its provision is placed in the draft's order, so the builder's
   * rank of a provision is its record's index — no second map of every paragraph.
   */
  private recordOf(id: string): ProvisionRecord | undefined {
    const rank = this.builder.rankOf(id);
    return rank === undefined ? undefined : this.records[rank];
  }

  private provisionInput(id: string, kind: ProvisionKind, label: ParsedLabel | null, acc: Accumulator, layout: ProvisionLayout): ProvisionInput {
    return {
      id,
      kind,
      label: label?.label ?? null,
      text: acc.text,
      toggles: acc.toggles,
      // `layout` was made for this provision alone, so it is not copied unless strays join it.
      layout: acc.strays.length > 0 ? { ...layout, strays: acc.strays } : layout,
    };
  }

  /** Splits "- 2.3.3. " (or a bracketed "[2.2.x] ") off the front of a paragraph. */
  /** Splits "- 2.3.3. " (or a bracketed "[2.2.x] ") off the front of a paragraph; `body` is `nodes` itself when nothing was split off. */
  private takeLabel(nodes: readonly TreeNode[]): { layout: ProvisionLayout; label: ParsedLabel | null; body: readonly TreeNode[] } {
    const first = nodes[0];
    // "[2.2.x] Strengthening …": a bracket holding nothing but a label.
    if (first?.t === 'bracket' && first.tail.length === 0 && first.children.length === 1 && first.children[0]!.t === 'text') {
      const inside = first.children[0].text;
      const label = parseLabel(inside);
      if (label && label.raw === inside) {
        const body = nodes.slice(1);
        const next = body[0];
        let afterLabel = '';
        if (next?.t === 'text') {
          const match = LEADING_BLANKS.exec(next.text)![0];
          afterLabel = match;
          body[0] = { ...next, text: next.text.slice(match.length), src: next.src + match.length };
        }
        return { layout: { labelBracketed: true, ...labelLayout('', label, afterLabel) }, label, body };
      }
    }
    if (first?.t !== 'text') return { layout: {}, label: null, body: nodes };
    const { prefix, label, afterLabel, rest } = splitLeadingLabel(first.text, parseLabel, PREFIX, LEADING_BLANKS);
    if (!label) {
      if (prefix === '') return { layout: labelLayout(prefix, null, ''), label: null, body: nodes };
      const body = nodes.slice();
      body[0] = { ...first, text: rest, src: first.src + prefix.length };
      return { layout: labelLayout(prefix, null, ''), label: null, body };
    }
    const body = nodes.slice();
    body[0] = { ...first, text: rest, src: first.src + prefix.length + label.raw.length + afterLabel.length };
    if (label.style === 'decimal') this.seenNumbered = true;
    return { layout: labelLayout(prefix, label, afterLabel), label, body };
  }

  private classify(label: ParsedLabel | null, text: string, nodes: readonly TreeNode[]): ProvisionKind {
    const trimmed = text.trim();
    const plain = trimmed === '' ? plainText(nodes).trim() : trimmed;
    let kind: ProvisionKind;
    if (text.includes('\t')) kind = 'table';
    else if (label?.style === 'letter' || label?.style === 'upper') kind = 'sub-item';
    else if (label?.style === 'preambular') kind = 'preamble';
    else if (label) kind = isHeadingLike(plain) ? 'heading' : 'paragraph';
    else if (isTitle(plain)) {
      this.part++;
      kind = 'heading';
    } else if (this.seenNumbered) kind = isHeadingLike(plain) ? 'heading' : 'paragraph';
    else if (plain.endsWith(',') || plain.endsWith(';') || this.previousKind === 'preamble') kind = 'preamble';
    else kind = 'free-text';
    // Preamble clauses follow a title; letterheads before it are free text.
    if (kind === 'preamble' && this.previousKind !== 'preamble' && this.previousKind !== 'heading' && this.previousKind !== 'free-text') kind = 'free-text';
    this.previousKind = kind;
    return kind;
  }

  // -------------------------------------------------------------------------------------
  // Inline level

  private inline(nodes: readonly TreeNode[], acc: Accumulator): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.t) {
        case 'text':
          this.appendText(acc, node.text, node.src);
          break;
        case 'strike':
          i = this.strike(nodes, i, acc);
          break;
        case 'bracket':
          i = this.bracket(nodes, i, acc);
          break;
        case 'marker':
          i = this.looseMarker(nodes, i, acc);
          break;
        case 'foot':
          acc.anchoredUpTo = acc.text.length;
          this.anchorNote(node.marker, node.src, acc.parent === null
            ? { provisionId: acc.provisionId, at: acc.text === '' && acc.hasLabel ? 'label' : acc.text.length }
            : { proposalId: acc.parent, at: acc.text.length });
          break;
        case 'stray':
          acc.anchoredUpTo = acc.text.length;
          acc.strays.push({ at: acc.text.length, text: node.text });
          break;
        case 'break':
          acc.text += node.separator;
          for (const note of node.footnotes) this.placeNote(note, { placedInside: { provisionId: acc.provisionId, parent: acc.parent, at: acc.text.length } });
          if (node.footnotes.length > 0) acc.anchoredUpTo = acc.text.length;
          break;
        case 'footnote':
          this.placeNote(node.note, { placedInside: { provisionId: acc.provisionId, parent: acc.parent, at: acc.text.length } });
          break;
        case 'para':
        case 'or':
          this.warn('MIXED_BLOCK', node.src, 'A bracket that opens in the middle of a paragraph runs into the next one; the paragraphs were kept together as one.');
          acc.text += '\n\n' + (node.t === 'or' ? node.raw + '\n\n' : '');
          break;
      }
    }
  }

  private appendText(acc: Accumulator, text: string, textSrc: number): void {
    let raw = text;
    let src = textSrc;
    if (acc.skipSpace) {
      acc.skipSpace = false;
      if (raw.startsWith(' ')) {
        raw = raw.slice(1);
        src++;
      }
    }
    if (acc.pendingToggle !== null) {
      const letter = acc.pendingToggle;
      acc.pendingToggle = null;
      if (raw.startsWith(letter.toUpperCase())) acc.toggles.push({ at: acc.text.length, form: 'lower-in-previous-bracket' });
    }
    let out = '';
    let last = 0;
    for (const letterAt of caseToggles(raw)) {
      out += raw.slice(last, letterAt);
      acc.toggles.push({ at: acc.text.length + out.length, form: 'lower-upper' });
      this.warn('CASE_TOGGLE', src + letterAt, `"${raw[letterAt]}${raw[letterAt + 1]}" is a case toggle left by editing; the letter takes the case its sentence needs in clean views. Check the intended word.`);
      last = letterAt + 1;
    }
    acc.text += last === 0 ? raw : out + raw.slice(last);
  }

  /** `~~text~~`, optionally followed by `[text] (+Thai)` asking to keep it. */
  private strike(nodes: readonly TreeNode[], i: number, acc: Accumulator): number {
    const node = nodes[i] as Extract<TreeNode, { t: 'strike' }>;
    const id = this.builder.nextProposalId();
    const start = acc.text.length;
    acc.text += node.text;
    const end = acc.text.length;
    let next = i;
    let tail: TailItem[] = [];
    const j = skipBlank(nodes, i + 1);
    const copy = nodes[j];
    if (copy?.t === 'bracket' && copy.children.every((c) => c.t === 'text') && plainText(copy.children).trim() === node.text.trim() && copy.markers.length > 0 && copy.markers.every((m) => m.sign === '+' || m.sign === '')) {
      tail = this.tailItems(id, 'retain', copy.tail, null);
      next = j;
    }
    this.builder.addProposal(
      {
        id,
        kind: 'delete',
        proponent: 'CHAIR',
        anchor: { provisionId: acc.provisionId, parent: acc.parent, start, end },
        layout: { strike: true, tail },
      },
      true,
    );
    acc.floor = end;
    acc.lastProposal = id;
    return next;
  }

  private bracket(nodes: readonly TreeNode[], i: number, acc: Accumulator): number {
    const node = nodes[i] as BracketNode;
    const { markers } = node;
    const firstFor = firstForText(markers);
    const firstAgainstIt = firstAgainst(markers);

    // "R[r]educing": a one-letter bracket toggling the case of the letter before it.
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (node.tail.length === 0 && only?.t === 'text' && /^\p{L}$/u.test(only.text)) {
      const before = acc.text.at(-1);
      if (before !== undefined && before !== only.text && before.toLowerCase() === only.text.toLowerCase()) {
        acc.toggles.push({ at: acc.text.length - 1, form: 'upper-bracketed-lower' });
        this.warn('CASE_TOGGLE', node.src, `"${before}[${only.text}]" is a case toggle left by editing; the letter takes the case its sentence needs in clean views. Check the intended word.`);
        return i;
      }
    }

    // `[[…] (+Turk)] (-IND)`: objections wrapped around one proposal.
    const innerNodes = trimBlank(node.children);
    const inner = innerNodes.length === 1 && innerNodes[0]!.t === 'bracket' ? innerNodes[0] : null;
    if (firstFor === undefined && firstAgainstIt !== undefined && inner && firstForText(inner.markers) !== undefined) {
      const before = acc.lastProposal;
      this.bracket([inner], 0, acc);
      if (acc.lastProposal !== null && acc.lastProposal !== before) {
        this.wrapObjections(acc.lastProposal, node.tail);
        return i;
      }
    }

    // An empty `[] (-IND)` has no words to delete: it is read as the (empty) bracket it is, so
    // that nothing of the draft is lost, rather than as a deletion of nothing.
    if (firstFor === undefined && firstAgainstIt !== undefined && !isEmptyBracket(node)) {
      // The bracketed words stand; the delegation(s) propose to delete them — or to replace them.
      const id = this.builder.nextProposalId();
      const start = acc.text.length;
      const proponent = firstAgainstIt.delegation;
      const proposalBefore = acc.lastProposal;
      // A loose marker inside may guess its words only inside this bracket: a guess reaching
      // before it would overlap this deletion (found by the import fuzz campaign).
      acc.floor = Math.max(acc.floor, start);
      this.inline(node.children, acc);
      const end = acc.text.length;
      // Nothing but proposed words inside (`a [[x]] (-IND) b`): there are no words of the text to
      // delete, so the markers are read as objections to what is inside — a deletion of nothing
      // would be refused and the bracket lost (found by the import fuzz campaign).
      if (end === start && acc.lastProposal !== null && acc.lastProposal !== proposalBefore) {
        this.wrapObjections(acc.lastProposal, node.tail);
        return i;
      }
      const j = skipBlank(nodes, i + 1);
      const replacement = nodes[j];
      if (isRetainCopy(node, replacement)) {
        this.builder.addProposal(
          {
            id,
            kind: 'delete',
            proponent,
            anchor: { provisionId: acc.provisionId, parent: acc.parent, start, end },
            layout: { oldBracketed: true, tail: [...this.tailItems(id, 'deletion', node.tail, proponent), ...this.tailItems(id, 'retain', (replacement as BracketNode).tail, null)] },
          },
          proponent === 'CHAIR',
        );
        acc.floor = end;
        acc.lastProposal = id;
        return j;
      }
      if (
        markers.length === 1 &&
        node.tail.length === 1 &&
        replacement?.t === 'bracket' &&
        firstForText(replacement.markers)?.delegation === proponent &&
        replacement.markers[0]?.sign !== '-'
      ) {
        const oldMarker = node.tail[0] as Extract<TailEntry, { t: 'marker' }>;
        this.replacement(id, start, end, replacement, acc, { oldBracketed: true, gap: gapBetween(nodes, i + 1, j), markerSpace: oldMarker.space, written: oldMarker.marker.written });
        return j;
      }
      this.builder.addProposal(
        {
          id,
          kind: 'delete',
          proponent,
          anchor: { provisionId: acc.provisionId, parent: acc.parent, start, end },
          layout: { oldBracketed: true, tail: this.tailItems(id, 'deletion', node.tail, proponent), ...(node.implicitClose ? { implicitClose: true } : {}), ...(node.markersInside ? { markersInside: true } : {}) },
        },
        proponent === 'CHAIR',
      );
      acc.floor = end;
      acc.lastProposal = id;
      return i;
    }

    const next = nodes[i + 1];
    const id = this.insertion(node, acc, null, next?.t === 'text' && next.text.startsWith(' ') && (acc.text === '' || acc.text.endsWith(' ')), next?.t === 'text' ? next.text : '');
    if (this.spaceMergedInto === id) acc.skipSpace = true;
    return i;
  }

  /** The insertion whose words took the space that followed its bracket (see `insertion`). */
  private spaceMergedInto: string | null = null;

  /** A bracket of proposed words at the current point of `acc`. */
  /**
   * A bracket of proposed words at the current point of `acc`. Between two spaces
   * ("of [possible] (+ISR) cooperation") the proposed words take the second space, so the
   * status quo reads "of cooperation" and the words read "possible " — as a delegate's
   * insertion made in the app is stored.
   */
  private insertion(
    node: BracketNode,
    acc: Accumulator,
    replaced: ({ id: string; start: number; end: number } & ReplacedLayout) | null,
    takesSpace = false,
    following = '',
  ): string {
    const id = replaced?.id ?? this.builder.nextProposalId();
    const child = newAccumulator(acc.provisionId, id, false);
    this.inline(node.children, child);
    // "[…, p]Promoting": the last letter inside toggles the case of the word after the bracket.
    // (Only a bracket with nothing after it can; the regex, anchored at the end only, is tried at every position.)
    const lastLetter = replaced === null && node.tail.length === 0 ? /(?:^|\s)(\p{Ll})$/u.exec(child.text) : null;
    if (lastLetter?.[1] !== undefined && following.startsWith(lastLetter[1].toUpperCase()) && lastLetter[1] !== lastLetter[1].toUpperCase()) {
      child.text = child.text.slice(0, -1);
      acc.pendingToggle = lastLetter[1];
      this.warn('CASE_TOGGLE', node.src, `"${lastLetter[1]}]" ends a bracket with a case toggle for the next word; the letter takes the case its sentence needs in clean views.`);
    }
    const proponent = firstForText(node.markers)?.delegation ?? null;
    if (proponent === null) {
      this.warn('UNATTRIBUTED_BRACKET', node.src, 'This bracket names no delegation; it was recorded as a proposal without proponent. Add who proposed it.');
    }
    const kind: ProposalKind = replaced ? 'replace' : 'insert';
    if (takesSpace && replaced === null && !child.text.endsWith(' ') && child.text !== '') {
      child.text += ' ';
      this.spaceMergedInto = id;
    }
    const start = replaced?.start ?? acc.text.length;
    const end = replaced?.end ?? acc.text.length;
    const tail = this.tailItems(id, 'text', node.tail, proponent);
    // Only what differs from the plain form, in this order (it is part of the events).
    const layout: Mutable<ProposalLayout> = { tail };
    if (replaced?.oldBracketed) layout.oldBracketed = true;
    if (replaced && replaced.gap !== ' ') layout.gap = replaced.gap;
    if (replaced && replaced.markerSpace !== ' ') layout.markerSpace = replaced.markerSpace;
    if (replaced && replaced.written !== proponent) layout.oldWritten = replaced.written;
    if (node.implicitClose) layout.implicitClose = true;
    if (node.markersInside) layout.markersInside = true;
    if (child.strays.length > 0) layout.strays = child.strays;
    const input: ProposalInput = {
      id,
      kind,
      proponent,
      anchor: { provisionId: acc.provisionId, parent: acc.parent, start, end },
      text: child.text,
      toggles: child.toggles,
      layout,
    };
    this.builder.addProposal(input, proponent === 'CHAIR');
    acc.floor = acc.text.length;
    acc.lastProposal = id;
    return id;
  }

  private replacement(
    id: string,
    start: number,
    end: number,
    bracket: BracketNode,
    acc: Accumulator,
    options: ReplacedLayout,
  ): void {
    this.insertion(bracket, acc, { id, start, end, ...options });
  }

  /** A position marker not written after a bracket. */
  private looseMarker(nodes: readonly TreeNode[], i: number, acc: Accumulator): number {
    const node = nodes[i] as Extract<TreeNode, { t: 'marker' }>;
    const { marker } = node;
    if (marker.sign === '-') {
      const j = skipBlank(nodes, i + 1);
      const next = nodes[j];
      const nextFor = next?.t === 'bracket' ? firstForText(next.markers) : undefined;
      const { start, end, words } = this.guessDeletion(acc, next?.t === 'bracket' && nextFor?.delegation === marker.delegation ? plainText(next.children) : null);
      // The space before the marker is the marker's, not the text's — unless a stray "]" or a
      // footnote mark stands in it: cut away, their places would fall past the text, into
      // whatever comes next, even between the halves of an emoji (found by the import fuzz campaign).
      const spaceIsMarkers = acc.anchoredUpTo <= end;
      const markerSpace = spaceIsMarkers ? acc.text.slice(end) : '';
      if (start !== end && spaceIsMarkers) acc.text = acc.text.slice(0, end);
      if (start === end) {
        this.warn('LOOSE_MARKER', node.src, `The marker ${marker.raw} follows no words it could delete; it was kept as text.`);
        acc.text += marker.raw;
        return i;
      }
      const id = this.builder.nextProposalId();
      this.warn(
        'AMBIGUOUS_DELETION',
        node.src,
        `The draft does not show which words ${marker.raw} would delete; "${words}" was assumed. Put the words in brackets if more or fewer are meant.`,
      );
      if (next?.t === 'bracket' && nextFor?.delegation === marker.delegation) {
        this.unknownMarker(marker, node.src);
        this.replacement(id, start, end, next, acc, { oldBracketed: false, gap: gapBetween(nodes, i + 1, j), markerSpace, written: marker.written });
        return j;
      }
      this.builder.addProposal({
        id,
        kind: 'delete',
        proponent: marker.delegation,
        anchor: { provisionId: acc.provisionId, parent: acc.parent, start, end },
        reason: marker.reason,
        layout: { tail: this.tailItems(id, 'deletion', [{ t: 'marker', marker, space: markerSpace, src: node.src }], marker.delegation) },
      });
      acc.floor = end;
      acc.lastProposal = id;
      return i;
    }
    this.warn('LOOSE_MARKER', node.src, `The marker ${marker.raw} is not written after a bracket; it was kept in the text. Check which words it concerns.`);
    acc.text += marker.raw;
    return i;
  }

  /**
   * Which words before a `(-X)` marker X would delete. With a replacement, the deletion
   * starts where the new words start to match the old ("Exchange …" ↔ "Exchanging …");
   * otherwise it is the one word before the marker.
   */
  private guessDeletion(acc: Accumulator, replacement: string | null): { start: number; end: number; words: string } {
    const { text, floor } = acc;
    // The text without trailing blanks (`trimEnd` removes exactly what `\s` matches).
    const end = text.trimEnd().length;
    const starts: number[] = [];
    const ends: number[] = [];
    wordsIn(text, floor, end, starts, ends, Number.POSITIVE_INFINITY);
    if (starts.length === 0) return { start: end, end, words: '' };
    let first = starts.length - 1;
    if (replacement !== null) {
      // The first three words of the replacement (a regex `split` makes and runs a sticky copy of its pattern at every character).
      const nextStarts: number[] = [];
      const nextEnds: number[] = [];
      wordsIn(replacement, 0, replacement.length, nextStarts, nextEnds, 3);
      search: for (let k = 0; k < nextStarts.length; k++) {
        const s = stem(replacement.slice(nextStarts[k], nextEnds[k]));
        if (s.length < 3) continue;
        for (let w = starts.length - 1; w >= 0; w--) {
          if (stem(text.slice(starts[w], ends[w])) === s) {
            first = Math.max(0, w - Math.min(k, 1));
            break search;
          }
        }
      }
    }
    const start = starts[first]!;
    return { start, end, words: text.slice(start, end) };
  }

  private unknownMarker(marker: Marker, src: number): void {
    if (!marker.known) {
      this.warn('UNKNOWN_DELEGATION', src, `"${marker.written}" in ${marker.raw} is not a known delegation code; it was kept as written. Add it to the organisation's aliases.`);
    }
  }

  // -------------------------------------------------------------------------------------
  // Positions and footnotes

  /**
   * Turns what is written after a bracket into layout items and positions. `text` kinds
   * read "+" as for the words; `deletion` kinds read "-" as for the deletion; `retain`
   * (the bracketed copy after a chair's strike-through) reads "+" as an objection to it.
   */
  private tailItems(proposalId: string, sense: 'text' | 'deletion' | 'retain', tail: readonly TailEntry[], proponent: string | null, wrap = false): TailItem[] {
    const items: TailItem[] = [];
    for (const entry of tail) {
      if (entry.t === 'foot') {
        const statementId = this.anchorNote(entry.marker, entry.src, { proposalId });
        items.push({ t: 'note', statementId });
        continue;
      }
      if (entry.t === 'stray') {
        items.push({ t: 'stray', text: ']', space: entry.space });
        continue;
      }
      const { marker } = entry;
      this.unknownMarker(marker, entry.src);
      const written = stanceOf(sense, marker.sign);
      // Built key by key in the order the events have always had.
      const item: Mutable<Extract<TailItem, { t: 'position' }>> = { t: 'position', delegation: marker.delegation };
      if (marker.written !== marker.delegation) item.written = marker.written;
      if (marker.sign === '') item.unsigned = true;
      if (wrap) item.wrap = true;
      item.space = entry.space;
      // Every marker before this one in the tail made one position item: a repeated delegation is among them.
      if (items.some((other) => other.t === 'position' && other.delegation === marker.delegation)) {
        this.warn('DUPLICATE_POSITION', entry.src, `${marker.written} states a position on the same bracket twice; the last one counts.`);
        const earlier = items.findIndex((other) => other.t === 'position' && other.delegation === marker.delegation && other.superseded === undefined);
        const previous = earlier >= 0 ? tail.filter((e) => e.t === 'marker' && e.marker.delegation === marker.delegation)[0] : undefined;
        if (earlier >= 0 && previous?.t === 'marker') items[earlier] = { ...(items[earlier] as TailItem & { t: 'position' }), superseded: previous.marker.raw };
        // The last one counts: the earlier position goes, or it would outlive a later "+" of the
        // proponent's and be written in its place (found by the import fuzz campaign).
        this.builder.dropPosition(proposalId, marker.delegation);
      }
      items.push(item);
      const isProponent = marker.delegation === proponent && written === 'proposes' && !wrap && !this.proponentTaken.has(proposalId);
      // Only the proponent proposes; a further "+" joins it.
      const stance: Stance = written === 'proposes' && !isProponent ? 'supports' : written;
      if (isProponent && proponent !== null) {
        this.proponentTaken.add(proposalId);
        if (marker.reason !== null) this.builder.addPosition({ proposalId, delegation: marker.delegation, stance, reason: marker.reason });
        continue;
      }
      this.builder.addPosition({ proposalId, delegation: marker.delegation, stance, reason: marker.reason });
    }
    return items;
  }

  private readonly proponentTaken = new Set<string>();

  private wrapObjections(proposalId: string, tail: readonly TailEntry[]): void {
    const items = this.tailItems(proposalId, 'text', tail, null, true);
    this.builder.amendLayout(proposalId, items);
  }

  /** Attaches the next footnote text bearing `marker` to `anchor`; returns its statement id. */
  private anchorNote(marker: string, src: number, anchor: StatementAnchor): string {
    let statement = this.nextUnanchoredNote(marker);
    if (!statement) {
      this.warn('FOOTNOTE_WITHOUT_TEXT', src, `Footnote marker ${marker} has no footnote text in the draft; it was kept as an empty footnote. Add its text.`);
      statement = { id: this.builder.nextStatementId(), note: null, marker, anchor: null, layout: { marker } };
      this.statements.push(statement);
    }
    statement.anchor = anchor;
    return statement.id;
  }

  /**
   * The first footnote text with `marker` not yet anchored. Texts are anchored in the order
   * their markers are met and only here, so each marker keeps a queue and a place in it
   * (a search of every statement per marker was quadratic in the number of footnotes).
   */
  private nextUnanchoredNote(marker: string): PendingStatement | undefined {
    const queue = this.notesByMarker.get(marker);
    if (queue === undefined) return undefined;
    while (queue.next < queue.statements.length && queue.statements[queue.next]!.anchor !== null) queue.next++;
    return queue.statements[queue.next];
  }

  private readonly notesByMarker = new Map<string, { readonly statements: PendingStatement[]; next: number }>();

  private placeNote(note: FootnoteText, placement: StatementLayout): void {
    const statement = this.statementByNote.get(note);
    if (statement) statement.layout = { ...statement.layout, ...placement };
  }

  private readonly statementByNote = new Map<FootnoteText, PendingStatement>();

  private finishStatements(): void {
    for (let n = 0; n < this.statements.length; n++) {
      const statement = this.statements[n]!;
      const text = statement.note?.text ?? '';
      const { kind, by, attributed } = this.classifyStatement(text);
      let anchor = statement.anchor;
      if (anchor === null) {
        const home = statement.layout.placedAfter ?? statement.layout.placedInside?.provisionId ?? this.lastProvision;
        this.warn('FOOTNOTE_TEXT_WITHOUT_MARKER', statement.note?.src ?? 0, `Footnote ${statement.marker} is not referred to in the text; it was attached to the paragraph before it.`);
        anchor = { provisionId: home ?? this.emptyHome(statement.note?.src ?? 0), at: 'end' };
        statement.layout = { ...statement.layout, unreferenced: true };
      }
      this.builder.addStatement({
        id: statement.id,
        kind,
        by,
        text,
        anchor,
        layout: { ...statement.layout, ...(attributed ? { attributed: true } : {}), ...(statement.note === null ? { textless: true } : {}) },
      });
    }
  }

  /**
   * A draft of nothing but footnote texts has no paragraph to attach them to: an empty one is
   * made for them, so that no text given is lost (found by the import fuzz campaign).
   */
  private emptyHome(src: number): string {
    const provision = this.emptyProvision(src);
    this.builder.addProvision(provision);
    this.lastProvision = provision.id;
    return provision.id;
  }

  private classifyStatement(text: string): { kind: StatementKind; by: string | null; attributed: boolean } {
    if (/^Former\s+p/iu.test(text) || /renumber/iu.test(text)) return { kind: 'renumbering', by: 'CHAIR', attributed: false };
    if (/^As\s+(read out|mentioned|submitted|proposed|stated)/iu.test(text) || /submitted in writing/iu.test(text)) {
      return { kind: 'provenance', by: null, attributed: false };
    }
    if (/^(The\s+)?Chair(man)?['’]?s?\b/iu.test(text)) return { kind: 'chair-note', by: 'CHAIR', attributed: false };
    const named = /^([\p{L} .'’-]{2,40}?)(?::|\s+(suggests|proposes|opposes|reserves|objects|notes|states))/u.exec(text);
    const delegation = named?.[1] ? this.context.registry.resolve(named[1]) : undefined;
    if (delegation) {
      const reserving = /\breserv/iu.test(text);
      return { kind: reserving ? 'reservation' : named?.[2] ? 'footnote' : 'interpretative', by: delegation.code, attributed: true };
    }
    return { kind: 'footnote', by: null, attributed: false };
  }

  private checkNumbers(): void {
    const seen = new Map<string, ProvisionRecord>();
    for (let n = 0; n < this.records.length; n++) {
      const record = this.records[n]!;
      if (record.label === null || record.style !== 'decimal') continue;
      const key = `${record.part}:${record.label}`;
      const earlier = seen.get(key);
      if (earlier && (earlier.group === null || earlier.group !== record.group)) {
        const { line } = this.lines.locate(earlier.src);
        this.warn('DUPLICATE_NUMBER', record.src, `Number ${record.label} is used twice: here and at line ${line}. Renumber one of them.`);
      }
      seen.set(key, record);
    }
  }
}

/** `[words] (-X) [words] (+Y)`: the same words again, bracketed with only `+`, keep them. */
function isRetainCopy(deletion: BracketNode, copy: TreeNode | undefined): boolean {
  if (copy?.t !== 'bracket' || !copy.children.every((child) => child.t === 'text')) return false;
  const markers = copy.markers;
  const deleting = deletion.markers;
  if (markers.length === 0 || !markers.every((m) => m.sign === '+' || m.sign === '')) return false;
  if (!deleting.some((m) => m.sign === '-') || deleting.some((m) => m.sign === '+' || m.sign === '')) return false;
  // A delegation on both sides (`[X] (-Rus) [X] (Rus)`) keeps nothing of its own deletion: read
  // as two brackets, or its objection would hide its own marker (found by the import fuzz campaign).
  if (markers.some((m) => deleting.some((d) => d.delegation === m.delegation))) return false;
  return collapse(plainText(copy.children)) === collapse(baseText(deletion.children));
}

/** The status-quo words under a bracket: its text and what nested deletions cover, not proposed words. */
function baseText(nodes: readonly TreeNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text' || node.t === 'strike') out += node.text;
    else if (node.t === 'bracket' && isDeletion(node)) out += baseText(node.children);
  }
  return out;
}

/** Only `-` (and `?`) markers: the bracketed words stand and someone proposes to delete them. */
function isDeletion(bracket: BracketNode): boolean {
  const { markers } = bracket;
  return firstAgainst(markers) !== undefined && firstForText(markers) === undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/ ([.,;:])/gu, '$1').trim();
}

function stanceOf(sense: 'text' | 'deletion' | 'retain', sign: Marker['sign']): Stance {
  if (sign === '?') return 'reserves';
  if (sense === 'retain') return 'objects';
  const forSign = sense === 'text' ? sign === '+' || sign === '' : sign === '-';
  return forSign ? 'proposes' : 'objects';
}

function newAccumulator(provisionId: string, parent: string | null, hasLabel: boolean): Accumulator {
  return { text: '', toggles: [], strays: [], anchoredUpTo: 0, provisionId, parent, floor: 0, lastProposal: null, pendingToggle: null, skipSpace: false, hasLabel };
}

/**
 * The words of `text` between `from` and `to` — runs of what `\S` matches, as
 * `text.slice(from, to).matchAll(/\S+/gu)` finds them — as offsets, at most `limit` of them.
 */
function wordsIn(text: string, from: number, to: number, starts: number[], ends: number[], limit: number): void {
  for (let i = from; i < to && starts.length < limit; ) {
    while (i < to && isRegexSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    starts.push(i);
    while (i < to && !isRegexSpace(text.charCodeAt(i))) i++;
    ends.push(i);
  }
}

/** A word's first five letters in lower case: "Exchange" and "Exchanging" share one. */
function stem(word: string): string {
  return word.toLowerCase().replace(NOT_A_LETTER, '').slice(0, 5);
}

const NOT_A_LETTER = /[^\p{L}]/gu;

/** What `\s` matches in a regex with the `u` flag (and `trim` removes): white space and line terminators. */
function isRegexSpace(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first marker for the words: `(+X)` or `(X)`. */
function firstForText(markers: readonly Marker[]): Marker | undefined {
  for (const marker of markers) if (marker.sign === '+' || marker.sign === '') return marker;
  return undefined;
}

/** The first marker against the words: `(-X)`. */
function firstAgainst(markers: readonly Marker[]): Marker | undefined {
  for (const marker of markers) if (marker.sign === '-') return marker;
  return undefined;
}

/** `nodes` without blank text at either end: the same array when there is none, else a copy. */
function trimBlank(nodes: TreeNode[]): TreeNode[] {
  let from = 0;
  let to = nodes.length;
  while (from < to && isBlankNode(nodes[from]!)) from++;
  while (to > from && isBlankNode(nodes[to - 1]!)) to--;
  return from === 0 && to === nodes.length ? nodes : nodes.slice(from, to);
}

function isBlankNode(node: TreeNode): boolean {
  return node.t === 'text' && node.text.trim() === '';
}

function skipBlank(nodes: readonly TreeNode[], from: number): number {
  let j = from;
  while (j < nodes.length && nodes[j]!.t === 'text' && /^[ \t]*$/u.test((nodes[j] as { text: string }).text)) j++;
  return j;
}

function gapBetween(nodes: readonly TreeNode[], from: number, to: number): string {
  let gap = '';
  for (let k = from; k < to; k++) gap += (nodes[k] as { text?: string }).text ?? '';
  return gap;
}

function firstSrc(nodes: readonly TreeNode[]): number {
  for (const node of nodes) if ('src' in node) return node.src;
  return 0;
}

/** The paragraph is one bracket (optionally after a bare label): `[2.2.1 …] (+Rus)`, `2.2.7 [[…]]`. */
function wholeBracket(content: readonly TreeNode[]): { bracket: BracketNode; labelText: string | null } | null {
  if (content.length === 1 && content[0]!.t === 'bracket' && !isLabelOnly(content[0])) return { bracket: content[0], labelText: null };
  if (content.length === 2 && content[0]!.t === 'text' && content[1]!.t === 'bracket') {
    const text = content[0].text;
    const label = parseLabel(text.replace(PREFIX, ''));
    if (label && text.replace(PREFIX, '').slice(label.raw.length).trim() === '') return { bracket: content[1], labelText: text };
  }
  return null;
}

function isLabelOnly(bracket: BracketNode): boolean {
  const only = bracket.children.length === 1 ? bracket.children[0] : undefined;
  if (bracket.tail.length > 0 || only?.t !== 'text') return false;
  const label = parseLabel(only.text);
  return label !== null && label.raw === only.text;
}

function plainText(nodes: readonly TreeNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text' || node.t === 'strike') out += node.text;
    else if (node.t === 'bracket') out += plainText(node.children);
    else if (node.t === 'break') out += node.separator;
  }
  return out;
}

/**
 * Offsets of lower-case letters written before the same letter in capitals at the start
 * of a word ("wWidening"): case toggles. This runs on every run of text: a Unicode-property
 * regex would cost more than the rest of the import, and so would a loop over every
 * character. Two native scans find the only places one can be — an ASCII lower-case letter
 * before a capital, and a letter beyond Latin-1 — and each is checked by hand.
 */
function caseToggles(text: string): number[] {
  let found = NO_TOGGLES;
  ASCII_TOGGLE.lastIndex = 0;
  while (ASCII_TOGGLE.test(text)) {
    const i = ASCII_TOGGLE.lastIndex - 2;
    if (text.charCodeAt(i + 1) === text.charCodeAt(i) - 32 && !isLetterAt(text, i - 1)) {
      if (found === NO_TOGGLES) found = [];
      found.push(i);
    }
  }
  const ascii = found.length;
  BEYOND_LATIN1.lastIndex = 0;
  while (BEYOND_LATIN1.test(text)) {
    const i = BEYOND_LATIN1.lastIndex - 1;
    if (i + 1 >= text.length) break;
    const toggles = text.charCodeAt(i) !== text.charCodeAt(i + 1) && text[i]!.toUpperCase() === text[i + 1] && text[i]!.toLowerCase() === text[i];
    if (toggles && !isLetterAt(text, i - 1)) {
      if (found === NO_TOGGLES) found = [];
      found.push(i);
    }
  }
  // Both kinds in one run of text: back into the order of the text.
  if (ascii > 0 && found.length > ascii) found.sort((a, b) => a - b);
  return found;
}

/** Code units, not code points, as `charCodeAt` reads them. */
const ASCII_TOGGLE = /[a-z][A-Z]/g;
const BEYOND_LATIN1 = /[\u00df-\uffff]/g;
const NO_TOGGLES: number[] = [];

function isLetterAt(text: string, i: number): boolean {
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const ch = text[i]!;
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * `/[.;:,!?]["”’)*]*$/u` without its cost: a regex anchored only at the end is tried at
 * every position of the text. The two sets share no character, so the punctuation must
 * stand right before the closing quotes, brackets and stars that end the text.
 */
function endsSentence(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c !== 34 && c !== 0x201d && c !== 0x2019 && c !== 41 && c !== 42) break;
    k--;
  }
  if (k < 0) return false;
  const c = text.charCodeAt(k);
  return c === 46 || c === 59 || c === 58 || c === 44 || c === 33 || c === 63;
}

/** Not ending a sentence, in twelve words or fewer (parted by spaces, tabs and line breaks): a heading. */
function isHeadingLike(plain: string): boolean {
  // Most paragraphs end a sentence: then their words need no counting.
  return !endsSentence(plain) && !THIRTEEN_WORDS.test(plain);
}

/**
 * A thirteenth word: twelve runs of other characters, each followed by blanks, then one more.
 * The classes share nothing, so the pattern never backtracks; a native scan costs a fifth of a
 * loop over the characters, which showed among the import's most expensive lines.
 */
const THIRTEEN_WORDS = /^[ \n\t]*(?:[^ \n\t]+[ \n\t]+){12}[^ \n\t]/;

/** A line in capitals ("DRAFT AGENDA") or set in bold starts a new part of the document. */
function isTitle(plain: string): boolean {
  if (plain.startsWith('**')) return true;
  if (plain.length > 160 || plain.indexOf(' ') < 0) return false;
  let letters = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    // ASCII by its code; other letters by what their case mappings say.
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) letters++;
      continue;
    }
    const ch = plain[i]!;
    const lower = ch.toLowerCase();
    if (lower === ch.toUpperCase()) continue;
    if (lower === ch) return false;
    letters++;
  }
  return letters >= 6;
}

/** A bracket with nothing at all inside it: `[]`. */
function isEmptyBracket(node: BracketNode): boolean {
  return node.children.every((child) => child.t === 'text' && child.text === '');
}
