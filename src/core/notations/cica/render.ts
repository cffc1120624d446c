/**
 * Writes the compiled view in the CICA notation: `[text] (+ISR)`, `text (-Thai) [new]
 * (+Thai)`, `~~text~~ [text] (+Thai)`, whole-paragraph brackets, `OR`, footnotes.
 * Layout hints recorded at import are honoured, so an imported draft comes back as written;
 * what was added since renders in the notation's plain form.
 *
 * The writer appends each piece to the paragraph being written, in the order they stand,
 * and the paragraphs are joined once at the end. (Brackets used to be written as strings of
 * their own, re-sliced out of the paragraph around covered words and concatenated again:
 * most of the strings made were thrown away, and the collector copied them first. One list
 * of all the pieces, joined once, costs more than this: a join is dear per element.)
 */
import type { DelegationRegistry } from '../../delegations/index.ts';
import type { DocumentState } from '../../model/document-state.ts';
import type { Position } from '../../model/position.ts';
import type { Proposal, TailItem } from '../../model/proposal.ts';
import type { Provision } from '../../model/provision.ts';
import type { Statement } from '../../model/statement.ts';
import { buildInlineTree, proposalContainer, provisionContainer, type Container, type InlineNode } from '../../views/inline-tree.ts';
import { outlineDocument, type OutlineEntry } from '../../views/document-outline.ts';
import { footnoteMarkers } from '../../views/footnote-markers.ts';
import type { RenderedSection } from '../notation.ts';

type Decoration = { readonly at: number; readonly order: number; readonly text: string };

/** Where the writer is in one container: its decorations and the next one due. */
interface Cursor {
  readonly container: Container;
  readonly decorations: readonly Decoration[];
  next: number;
}

const NONE: readonly Decoration[] = [];
const NO_TAIL: readonly TailItem[] = [];
const NO_IDS: readonly string[] = [];
const NO_STRAYS: readonly { readonly at: number; readonly text: string }[] = [];

export function renderCicaSections(state: DocumentState, _registry: DelegationRegistry): RenderedSection[] {
  return new CicaWriter(state).sections();
}

/** The whole compiled text: what {@link joinSections} makes of {@link renderCicaSections}, written in one go. */
export function renderCicaText(state: DocumentState, _registry: DelegationRegistry): string {
  return new CicaWriter(state).text();
}

class CicaWriter {
  /** The paragraph being written. */
  private out = '';
  private readonly markers: Map<string, string>;
  private readonly decorations = new Map<string, Decoration[]>();
  /** Statements on a whole proposal, and on a provision's label, by the id they attach to. */
  private readonly notesOnProposal = new Map<string, Statement[]>();
  private readonly notesOnLabel = new Map<string, Statement[]>();
  /** Chair's deletions written as strike-through in this rendering. */
  private readonly struck = new Set<string>();

  /** Proposals with proposals anchored in their words, found once rather than asked of the index per proposal. */
  private readonly amended = new Set<string>();

  constructor(private readonly state: DocumentState) {
    for (const [key, ids] of state.anchored) if (ids.length > 0 && key.startsWith('p:')) this.amended.add(key.slice(2));
    this.markers = footnoteMarkers(state);
    this.collectDecorations();
    for (const statement of state.statements.values()) {
      const { anchor } = statement;
      if (anchor.proposalId !== undefined && anchor.at === undefined) push(this.notesOnProposal, anchor.proposalId, statement);
      if (anchor.provisionId !== undefined && anchor.at === 'label') push(this.notesOnLabel, anchor.provisionId, statement);
    }
  }

  sections(): RenderedSection[] {
    const sections: RenderedSection[] = [];
    let paragraphs: string[] = [];
    const end = (): void => {
      paragraphs.push(this.out);
      this.out = '';
    };
    for (const entry of outlineDocument(this.state)) {
      const provision = this.state.provisions.get(entry.provisionId);
      if (!provision) continue;
      this.entry(entry, provision, end);
      sections.push({ provisionId: provision.id, paragraphs });
      paragraphs = [];
    }
    return sections;
  }

  text(): string {
    const paragraphs: string[] = [];
    const end = (): void => {
      paragraphs.push(this.out);
      this.out = '';
    };
    for (const entry of outlineDocument(this.state)) {
      const provision = this.state.provisions.get(entry.provisionId);
      if (provision) this.entry(entry, provision, end);
    }
    return paragraphs.join('\n\n') + '\n';
  }

  /** Writes the paragraphs of one provision, calling `end` after each. */
  private entry(entry: OutlineEntry, provision: Provision, end: () => void): void {
    if (entry.orBefore) {
      this.out += 'OR';
      end();
    }
    this.provisionLine(provision, entry.opens, entry.closes);
    end();
    for (const remark of entry.remarksAfter) {
      this.openBracket(remark);
      this.out += remark.text;
      this.closeBracket(remark);
      end();
    }
    for (const note of entry.notesAfter) {
      this.out += this.noteText(note);
      end();
    }
  }

  private provisionLine(provision: Provision, opens: readonly Proposal[], closes: readonly Proposal[]): void {
    const { layout } = provision;
    this.out += layout.prefix ?? '';
    for (const proposal of opens) if (!proposal.layout.labelOutside && !proposal.layout.unbracketed) this.openBracket(proposal);
    if (provision.label !== null) {
      const raw = layout.labelRaw ?? provision.label;
      this.out += layout.labelBracketed ? '[' + raw + ']' : raw;
      this.labelNotes(provision);
      this.out += layout.afterLabel ?? ' ';
    }
    for (const proposal of opens) if (proposal.layout.labelOutside) this.openBracket(proposal);
    this.container(provisionContainer(this.state, provision.id)!);
    for (const proposal of closes) this.closeBracket(proposal);
  }

  private openBracket(proposal: Proposal): void {
    this.out += this.hasWrap(proposal) ? '[[' : '[';
  }

  private closeBracket(proposal: Proposal): void {
    if (proposal.layout.unbracketed) {
      this.out += this.tail(proposal);
      return;
    }
    this.out += this.insideMarkers(proposal) + (proposal.layout.implicitClose ? '' : ']') + this.tail(proposal);
  }

  // -------------------------------------------------------------------------------------
  // Words

  private container(container: Container): void {
    const decorations = this.decorations.size === 0 ? NONE : (this.decorations.get(containerId(container)) ?? NONE);
    const cursor: Cursor = { container, decorations, next: 0 };
    this.walk(cursor, buildInlineTree(this.state, container));
    this.flush(cursor, Number.POSITIVE_INFINITY);
  }

  /** Whether a proposal's own words are just its text; most have nothing nested, marked or toggled in them. */
  private hasPlainWords(proposal: Proposal): boolean {
    return (
      proposal.toggles.length === 0 &&
      (this.decorations.size === 0 || !this.decorations.has(`p:${proposal.id}`)) &&
      (this.amended.size === 0 || !this.amended.has(proposal.id))
    );
  }

  /** A proposal's own words as a string, for the writer to look at before writing them. */
  private proposalWords(proposal: Proposal): string {
    if (this.hasPlainWords(proposal)) return proposal.text;
    const paragraph = this.out;
    this.out = '';
    this.container(proposalContainer(proposal));
    const words = this.out;
    this.out = paragraph;
    return words;
  }

  /** Writes the decorations (footnote markers, footnote texts, stray brackets) up to `upTo`. */
  private flush(cursor: Cursor, upTo: number): void {
    const { decorations } = cursor;
    while (cursor.next < decorations.length && decorations[cursor.next]!.at <= upTo) this.out += decorations[cursor.next++]!.text;
  }

  private walk(cursor: Cursor, nodes: readonly InlineNode[]): void {
    for (const node of nodes) {
      if (node.t === 'text') {
        this.run(cursor, node.text, node.start);
        continue;
      }
      this.flush(cursor, node.proposal.anchor!.start);
      this.inlineProposal(cursor, node);
    }
  }

  /** A run of text, split only where a decoration or a case toggle sits. */
  private run(cursor: Cursor, text: string, start: number): void {
    const end = start + text.length;
    const { decorations, container } = cursor;
    const decorated = cursor.next < decorations.length && decorations[cursor.next]!.at < end;
    if (!decorated && container.toggles.length === 0) {
      this.out += text;
      return;
    }
    const cuts: number[] = [];
    for (let k = cursor.next; k < decorations.length && decorations[k]!.at < end; k++) cuts.push(decorations[k]!.at);
    for (const toggle of container.toggles) if (toggle.at >= start && toggle.at < end) cuts.push(toggle.at);
    cuts.sort((a, b) => a - b);
    let at = start;
    for (const cut of cuts) {
      if (cut < at) continue;
      this.out += text.slice(at - start, cut - start);
      this.flush(cursor, cut);
      this.out += this.letter(container, cut, text[cut - start]!);
      at = cut + 1;
    }
    this.out += text.slice(at - start);
  }

  private letter(container: Container, at: number, letter: string): string {
    const toggle = container.toggles.find((t) => t.at === at);
    if (!toggle) return letter;
    if (toggle.form === 'lower-upper') return letter.toLowerCase() + letter;
    if (toggle.form === 'upper-bracketed-lower') return `${letter}[${letter.toLowerCase()}]`;
    return letter;
  }

  /**
   * Writes one proposal in its container's words. The covered words are walked through the
   * same cursor, where they stand, so decorations in them stay in order.
   */
  private inlineProposal(cursor: Cursor, node: Extract<InlineNode, { t: 'proposal' }>): void {
    const { proposal } = node;
    const { container } = cursor;
    const { layout } = proposal;
    switch (proposal.kind) {
      case 'insert': {
        const rendered = this.proposalWords(proposal);
        const anchor = proposal.anchor!;
        const toggle = container.toggles.length > 0 && container.toggles.some((t) => t.at === anchor.start && t.form === 'lower-in-previous-bracket');
        const lower = toggle && this.isLastInsertAt(container, proposal) ? (container.text[anchor.start] ?? '').toLowerCase() : '';
        // Words stored with the space that separates them from the next word show it outside the bracket.
        const spaced = lower === '' && proposal.text.endsWith(' ') && rendered.endsWith(' ');
        const inner = spaced ? rendered.slice(0, -1) : rendered;
        const close = layout.implicitClose ? '' : ']';
        this.out += (this.hasWrap(proposal) ? '[[' : '[') + inner + lower + this.insideMarkers(proposal) + close + this.tail(proposal) + (spaced ? ' ' : '');
        return;
      }
      case 'delete': {
        if (layout.strike || (proposal.byChair && layout.tail === undefined && node.covered.every((n) => n.t === 'text'))) {
          this.out += '~~';
          this.walk(cursor, node.covered);
          this.out += '~~';
          this.struck.add(proposal.id);
          const copy = this.tail(proposal);
          if (copy !== '') this.out += ' [' + this.plain(container.text.slice(proposal.anchor!.start, proposal.anchor!.end)) + ']' + copy;
          return;
        }
        if (layout.oldBracketed || layout.tail === undefined) {
          this.out += this.hasWrap(proposal) ? '[[' : '[';
          this.walk(cursor, node.covered);
          this.out += this.insideMarkers(proposal) + (layout.implicitClose ? '' : ']') + this.tail(proposal);
          return;
        }
        this.walk(cursor, node.covered);
        this.out += this.tail(proposal);
        return;
      }
      case 'replace': {
        const bracketOld = layout.oldBracketed || layout.tail === undefined;
        if (bracketOld) this.out += '[';
        this.walk(cursor, node.covered);
        if (bracketOld) this.out += ']';
        if (proposal.proponent !== null) this.out += (layout.markerSpace ?? ' ') + '(-' + (layout.oldWritten ?? this.writtenCode(proposal, proposal.proponent)) + ')';
        this.out += (layout.gap ?? ' ') + (this.hasWrap(proposal) ? '[[' : '[');
        if (this.hasPlainWords(proposal)) this.out += proposal.text;
        else this.container(proposalContainer(proposal));
        this.out += this.insideMarkers(proposal) + ']' + this.tail(proposal);
        return;
      }
      default:
        this.walk(cursor, node.covered);
    }
  }

  /** No open insertion made later rests at the same point. */
  private isLastInsertAt(container: Container, proposal: Proposal): boolean {
    const ids = this.state.anchored.get(containerId(container)) ?? NO_IDS;
    const at = proposal.anchor!.start;
    for (let k = ids.indexOf(proposal.id) + 1; k < ids.length; k++) {
      const p = this.state.proposals.get(ids[k]!);
      if (p?.status === 'open' && p.anchor?.start === at && p.anchor.end === at) return false;
    }
    return true;
  }

  // -------------------------------------------------------------------------------------
  // Positions, markers, footnotes

  private hasWrap(proposal: Proposal): boolean {
    const tail = proposal.layout.tail;
    if (tail === undefined) return false;
    for (const item of tail) if (item.t === 'position' && item.wrap && this.position(proposal, item.delegation)) return true;
    return false;
  }

  private insideMarkers(proposal: Proposal): string {
    return proposal.layout.markersInside ? this.tailItems(proposal, false) : '';
  }

  private tail(proposal: Proposal): string {
    if (proposal.layout.markersInside) return this.wrapTail(proposal) + this.retainCopy(proposal);
    // Proposals made in the app have no layout: only their positions and notes to write.
    if (proposal.layout.tail === undefined) return this.rest(proposal) + this.retainCopy(proposal);
    return this.tailItems(proposal, false) + this.rest(proposal) + this.wrapTail(proposal) + this.retainCopy(proposal);
  }

  /**
   * Objections to a delegation's deletion are written as a bracketed copy of the words
   * with the objectors' `+` — as the seed writes objections to the chair's strike-through —
   * because `[words] (-ISR) (+IND)` would read as IND proposing the words.
   */
  private retainCopy(proposal: Proposal): string {
    if (!this.objectionsInCopy(proposal)) return '';
    const positions = this.state.positions.get(proposal.id);
    if (positions === undefined || !hasObjection(positions)) return '';
    const objections = [...positions.values()].filter((p) => p.stance === 'objects');
    const words =
      proposal.kind === 'delete'
        ? this.plainContainerText(proposal)
        : proposal.provisionIds.map((id) => this.plainProvision(id)).join(' ');
    return ` [${words}]` + objections.map((position) => ' ' + this.marker(proposal, position, this.layoutItem(proposal, position.delegation))).join('');
  }

  private objectionsInCopy(proposal: Proposal): boolean {
    if (proposal.kind === 'delete') return !proposal.layout.strike && !this.struck.has(proposal.id);
    return proposal.kind === 'delete-provision' && proposal.provisionIds.length === 1;
  }

  private layoutItem(proposal: Proposal, delegation: string): Extract<TailItem, { t: 'position' }> | null {
    for (const item of proposal.layout.tail ?? NO_TAIL) if (item.t === 'position' && item.delegation === delegation) return item;
    return null;
  }

  private plainContainerText(proposal: Proposal): string {
    const anchor = proposal.anchor!;
    const container = anchor.parent === null ? this.state.provisions.get(anchor.provisionId) : this.state.proposals.get(anchor.parent);
    return (container?.text ?? '').slice(anchor.start, anchor.end);
  }

  private plainProvision(id: string): string {
    const provision = this.state.provisions.get(id);
    if (!provision) return '';
    const label = provision.label === null ? '' : (provision.layout.labelRaw ?? provision.label) + (provision.layout.afterLabel || ' ');
    return label + provision.text;
  }

  private wrapTail(proposal: Proposal): string {
    const wrapped = this.tailItems(proposal, true);
    return wrapped === '' ? '' : ']' + wrapped;
  }

  /** The layout's items that still hold, in the draft's order. */
  private tailItems(proposal: Proposal, wrap: boolean): string {
    let out = '';
    for (const item of proposal.layout.tail ?? NO_TAIL) {
      if (item.t === 'position') {
        if (Boolean(item.wrap) !== wrap) continue;
        if (item.superseded !== undefined) {
          out += (item.space ?? ' ') + item.superseded;
          continue;
        }
        const position = this.position(proposal, item.delegation);
        if (position?.stance === 'objects' && this.objectionsInCopy(proposal)) continue;
        if (position) out += (item.space ?? ' ') + this.marker(proposal, position, item);
      } else if (!wrap && item.t === 'note') {
        const marker = this.markers.get(item.statementId);
        if (marker !== undefined) out += marker;
      } else if (!wrap && item.t === 'stray') {
        out += (item.space ?? '') + item.text;
      }
    }
    return out;
  }

  /** Positions and notes that the layout does not mention: taken or added after import. */
  private rest(proposal: Proposal): string {
    const tail = proposal.layout.tail ?? NO_TAIL;
    let out = '';
    if (proposal.byChair && !this.struck.has(proposal.id) && proposal.layout.tail === undefined) out += proposal.kind === 'delete' ? ' (-Chair)' : ' (Chair)';
    const positions = this.state.positions.get(proposal.id);
    if (positions !== undefined && positions.size > 0) {
      const inCopy = this.objectionsInCopy(proposal);
      for (const position of positions.values()) {
        if ((inCopy && position.stance === 'objects') || mentions(tail, position.delegation)) continue;
        out += ' ' + this.marker(proposal, position, null);
      }
    }
    const notes = this.notesOnProposal.size === 0 ? undefined : this.notesOnProposal.get(proposal.id);
    if (notes !== undefined) {
      for (const statement of notes) if (!tail.some((item) => item.t === 'note' && item.statementId === statement.id)) out += this.markers.get(statement.id) ?? '';
    }
    return out;
  }

  private position(proposal: Proposal, delegation: string): Position | undefined {
    return this.state.positions.get(proposal.id)?.get(delegation);
  }

  private marker(proposal: Proposal, position: Position, item: Extract<TailItem, { t: 'position' }> | null): string {
    const code = item?.written ?? position.delegation;
    const reason = position.reason ? `, ${position.reason}` : '';
    if (position.stance === 'reserves') return `(?${code}${reason})`;
    const deletion = proposal.kind === 'delete' || proposal.kind === 'delete-provision';
    const forWords = position.stance === 'objects' ? deletion || Boolean(proposal.layout.strike) : !deletion;
    if (item?.unsigned && position.stance === 'proposes') return `(${code}${reason})`;
    return `(${forWords ? '+' : '-'}${code}${reason})`;
  }

  private writtenCode(proposal: Proposal, delegation: string): string {
    for (const item of proposal.layout.tail ?? NO_TAIL) {
      if (item.t === 'position' && item.delegation === delegation && item.written) return item.written;
    }
    return delegation;
  }

  private labelNotes(provision: Provision): void {
    const notes = this.notesOnLabel.get(provision.id);
    if (notes !== undefined) for (const statement of notes) this.out += this.markers.get(statement.id) ?? '';
  }

  private noteText(statement: Statement): string {
    const marker = statement.layout.marker ?? this.markers.get(statement.id) ?? '*';
    const by = statement.by !== null && !statement.layout.attributed && statement.by !== 'CHAIR' ? `${statement.by}: ` : '';
    return `${marker} ${by}${statement.text}`;
  }

  private plain(text: string): string {
    return text;
  }

  /** Footnote markers and footnote texts inside a container, and stray brackets, by offset. */
  private collectDecorations(): void {
    const add = (key: string, decoration: Decoration): void => {
      const list = this.decorations.get(key) ?? [];
      list.push(decoration);
      this.decorations.set(key, list);
    };
    let order = 0;
    for (const statement of this.state.statements.values()) {
      const { anchor } = statement;
      const marker = this.markers.get(statement.id);
      if (marker !== undefined && !statement.layout.unreferenced) {
        if (anchor.provisionId !== undefined && typeof anchor.at === 'number') add(`v:${anchor.provisionId}`, { at: anchor.at, order: order++, text: marker });
        if (anchor.provisionId !== undefined && anchor.at === 'end') add(`v:${anchor.provisionId}`, { at: Number.MAX_SAFE_INTEGER, order: order++, text: marker });
        if (anchor.proposalId !== undefined && anchor.at !== undefined) add(`p:${anchor.proposalId}`, { at: anchor.at, order: order++, text: marker });
      }
      const inside = statement.layout.placedInside;
      if (inside && !statement.layout.textless) {
        add(inside.parent === null ? `v:${inside.provisionId}` : `p:${inside.parent}`, { at: inside.at, order: order++, text: `\n\n${this.noteText(statement)}\n\n` });
      }
    }
    for (const provision of this.state.provisions.values()) {
      for (const stray of provision.layout.strays ?? NO_STRAYS) add(`v:${provision.id}`, { at: stray.at, order: order++, text: stray.text });
    }
    for (const proposal of this.state.proposals.values()) {
      for (const stray of proposal.layout.strays ?? NO_STRAYS) add(`p:${proposal.id}`, { at: stray.at, order: order++, text: stray.text });
    }
    for (const list of this.decorations.values()) list.sort((a, b) => a.at - b.at || a.order - b.order);
  }
}

function hasObjection(positions: ReadonlyMap<string, Position>): boolean {
  for (const position of positions.values()) if (position.stance === 'objects') return true;
  return false;
}

function mentions(tail: readonly TailItem[], delegation: string): boolean {
  for (const item of tail) if (item.t === 'position' && item.delegation === delegation) return true;
  return false;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function containerId(container: Container): string {
  return container.parent === null ? `v:${container.provisionId}` : `p:${container.parent}`;
}
