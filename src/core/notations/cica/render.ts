/**
 * Writes the compiled view in the CICA notation: `[text] (+ISR)`, `text (-Thai) [new]
 * (+Thai)`, `~~text~~ [text] (+Thai)`, whole-paragraph brackets, `OR`, footnotes.
 * Layout hints recorded at import are honoured, so an imported draft comes back as written;
 * what was added since renders in the notation's plain form.
 */
import type { DelegationRegistry } from '../../delegations/index.ts';
import type { DocumentState } from '../../model/document-state.ts';
import type { Position } from '../../model/position.ts';
import type { Proposal, TailItem } from '../../model/proposal.ts';
import type { Provision } from '../../model/provision.ts';
import type { Statement } from '../../model/statement.ts';
import { buildInlineTree, proposalContainer, provisionContainer, type Container, type InlineNode } from '../../views/inline-tree.ts';
import { outlineDocument } from '../../views/document-outline.ts';
import { footnoteMarkers } from '../../views/footnote-markers.ts';
import type { RenderedSection } from '../notation.ts';

type Decoration = { readonly at: number; readonly order: number; readonly text: string };

/** Where the writer is in one container: its decorations, the next one due, the text so far. */
interface Cursor {
  readonly container: Container;
  readonly decorations: readonly Decoration[];
  next: number;
  out: string;
}

const NONE: readonly Decoration[] = [];
const NO_TAIL: readonly TailItem[] = [];

export function renderCicaSections(state: DocumentState, _registry: DelegationRegistry): RenderedSection[] {
  return new CicaWriter(state).sections();
}

class CicaWriter {
  private readonly markers: Map<string, string>;
  private readonly decorations = new Map<string, Decoration[]>();
  /** Statements on a whole proposal, and on a provision's label, by the id they attach to. */
  private readonly notesOnProposal = new Map<string, Statement[]>();
  private readonly notesOnLabel = new Map<string, Statement[]>();
  /** Chair's deletions written as strike-through in this rendering. */
  private readonly struck = new Set<string>();

  constructor(private readonly state: DocumentState) {
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
    for (const entry of outlineDocument(this.state)) {
      const provision = this.state.provisions.get(entry.provisionId);
      if (!provision) continue;
      const paragraphs: string[] = [];
      if (entry.orBefore) paragraphs.push('OR');
      paragraphs.push(this.provisionLine(provision, entry.opens, entry.closes));
      for (const remark of entry.remarksAfter) paragraphs.push(this.bracketed(remark, this.plain(remark.text)));
      for (const note of entry.notesAfter) paragraphs.push(this.noteText(note));
      sections.push({ provisionId: provision.id, paragraphs });
    }
    return sections;
  }

  private provisionLine(provision: Provision, opens: readonly Proposal[], closes: readonly Proposal[]): string {
    const { layout } = provision;
    const outside = opens.filter((p) => p.layout.labelOutside);
    const before = opens.filter((p) => !p.layout.labelOutside && !p.layout.unbracketed).map((p) => this.openBracket(p)).join('');
    const labelNotes = this.labelNotes(provision);
    let label = '';
    if (provision.label !== null) {
      const raw = layout.labelRaw ?? provision.label;
      label = (layout.labelBracketed ? `[${raw}]` : raw) + labelNotes + (layout.afterLabel ?? ' ');
    }
    const container = provisionContainer(this.state, provision.id)!;
    const body = outside.map((p) => this.openBracket(p)).join('') + this.container(container);
    const closing = closes.map((p) => this.closeBracket(p)).join('');
    return (layout.prefix ?? '') + before + label + body + closing;
  }

  private openBracket(proposal: Proposal): string {
    return (this.hasWrap(proposal) ? '[' : '') + '[';
  }

  private closeBracket(proposal: Proposal): string {
    if (proposal.layout.unbracketed) return this.tail(proposal);
    return this.insideMarkers(proposal) + (proposal.layout.implicitClose ? '' : ']') + this.tail(proposal);
  }

  private bracketed(proposal: Proposal, inner: string): string {
    return this.openBracket(proposal) + inner + this.closeBracket(proposal);
  }

  // -------------------------------------------------------------------------------------
  // Words

  private container(container: Container): string {
    const decorations = this.decorations.size === 0 ? NONE : (this.decorations.get(containerId(container)) ?? NONE);
    const cursor: Cursor = { container, decorations, next: 0, out: '' };
    this.walk(cursor, buildInlineTree(this.state, container));
    this.flush(cursor, Number.POSITIVE_INFINITY);
    return cursor.out;
  }

  /** A proposal's own words; most have nothing nested, marked or toggled in them. */
  private proposalWords(proposal: Proposal): string {
    const plain =
      proposal.toggles.length === 0 &&
      (this.decorations.size === 0 || !this.decorations.has(`p:${proposal.id}`)) &&
      (this.state.anchored.get(`p:${proposal.id}`)?.length ?? 0) === 0;
    return plain ? proposal.text : this.container(proposalContainer(proposal));
  }

  /** Writes the decorations (footnote markers, footnote texts, stray brackets) up to `upTo`. */
  private flush(cursor: Cursor, upTo: number): void {
    const { decorations } = cursor;
    while (cursor.next < decorations.length && decorations[cursor.next]!.at <= upTo) cursor.out += decorations[cursor.next++]!.text;
  }

  private walk(cursor: Cursor, nodes: readonly InlineNode[]): void {
    for (const node of nodes) {
      if (node.t === 'text') {
        this.run(cursor, node.text, node.start);
        continue;
      }
      this.flush(cursor, node.proposal.anchor!.start);
      cursor.out += this.inlineProposal(cursor, node);
    }
  }

  /** A run of text, split only where a decoration or a case toggle sits. */
  private run(cursor: Cursor, text: string, start: number): void {
    const end = start + text.length;
    const { decorations, container } = cursor;
    const decorated = cursor.next < decorations.length && decorations[cursor.next]!.at < end;
    if (!decorated && container.toggles.length === 0) {
      cursor.out += text;
      return;
    }
    const cuts: number[] = [];
    for (let k = cursor.next; k < decorations.length && decorations[k]!.at < end; k++) cuts.push(decorations[k]!.at);
    for (const toggle of container.toggles) if (toggle.at >= start && toggle.at < end) cuts.push(toggle.at);
    cuts.sort((a, b) => a - b);
    let at = start;
    for (const cut of cuts) {
      if (cut < at) continue;
      cursor.out += text.slice(at - start, cut - start);
      this.flush(cursor, cut);
      cursor.out += this.letter(container, cut, text[cut - start]!);
      at = cut + 1;
    }
    cursor.out += text.slice(at - start);
  }

  /** Renders a proposal's covered words through the same cursor, so decorations in them stay in order. */
  private covered(cursor: Cursor, nodes: readonly InlineNode[]): string {
    const mark = cursor.out.length;
    this.walk(cursor, nodes);
    const inner = cursor.out.slice(mark);
    cursor.out = cursor.out.slice(0, mark);
    return inner;
  }

  private letter(container: Container, at: number, letter: string): string {
    const toggle = container.toggles.find((t) => t.at === at);
    if (!toggle) return letter;
    if (toggle.form === 'lower-upper') return letter.toLowerCase() + letter;
    if (toggle.form === 'upper-bracketed-lower') return `${letter}[${letter.toLowerCase()}]`;
    return letter;
  }

  private inlineProposal(cursor: Cursor, node: Extract<InlineNode, { t: 'proposal' }>): string {
    const { proposal } = node;
    const { container } = cursor;
    const covered = (): string => this.covered(cursor, node.covered);
    switch (proposal.kind) {
      case 'insert': {
        const rendered = this.proposalWords(proposal);
        const anchor = proposal.anchor!;
        const toggle = container.toggles.find((t) => t.at === anchor.start && t.form === 'lower-in-previous-bracket');
        const lower = toggle && this.isLastInsertAt(container, proposal) ? (container.text[anchor.start] ?? '').toLowerCase() : '';
        // Words stored with the space that separates them from the next word show it outside the bracket.
        const spaced = lower === '' && proposal.text.endsWith(' ') && rendered.endsWith(' ');
        const inner = spaced ? rendered.slice(0, -1) : rendered;
        const close = proposal.layout.implicitClose ? '' : ']';
        return this.withWrap(proposal, '[' + inner + lower + this.insideMarkers(proposal) + close + this.tail(proposal)) + (spaced ? ' ' : '');
      }
      case 'delete': {
        const inner = covered();
        if (proposal.layout.strike || (proposal.byChair && proposal.layout.tail === undefined && node.covered.every((n) => n.t === 'text'))) {
          this.struck.add(proposal.id);
          const copy = this.tail(proposal);
          return `~~${inner}~~` + (copy === '' ? '' : ` [${this.plain(container.text.slice(proposal.anchor!.start, proposal.anchor!.end))}]${copy}`);
        }
        if (proposal.layout.oldBracketed || proposal.layout.tail === undefined) {
          return this.withWrap(proposal, '[' + inner + this.insideMarkers(proposal) + (proposal.layout.implicitClose ? '' : ']') + this.tail(proposal));
        }
        return inner + this.tail(proposal);
      }
      case 'replace': {
        const inner = covered();
        const bracketOld = proposal.layout.oldBracketed || proposal.layout.tail === undefined;
        const old = bracketOld ? `[${inner}]` : inner;
        const written = proposal.layout.oldWritten ?? this.writtenCode(proposal, proposal.proponent ?? '');
        const minus = proposal.proponent === null ? '' : `${proposal.layout.markerSpace ?? ' '}(-${written})`;
        const fresh = this.proposalWords(proposal);
        return old + minus + (proposal.layout.gap ?? ' ') + this.withWrap(proposal, '[' + fresh + this.insideMarkers(proposal) + ']' + this.tail(proposal));
      }
      default:
        return covered();
    }
  }

  private isLastInsertAt(container: Container, proposal: Proposal): boolean {
    const ids = this.state.anchored.get(containerId(container)) ?? [];
    const at = proposal.anchor!.start;
    const later = ids.slice(ids.indexOf(proposal.id) + 1).map((id) => this.state.proposals.get(id));
    return !later.some((p) => p?.status === 'open' && p.anchor?.start === at && p.anchor.end === at);
  }

  // -------------------------------------------------------------------------------------
  // Positions, markers, footnotes

  private hasWrap(proposal: Proposal): boolean {
    const tail = proposal.layout.tail;
    if (tail === undefined) return false;
    for (const item of tail) if (item.t === 'position' && item.wrap && this.position(proposal, item.delegation)) return true;
    return false;
  }

  private withWrap(proposal: Proposal, inner: string): string {
    return (this.hasWrap(proposal) ? '[' : '') + inner;
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
    const objections = [...(this.state.positions.get(proposal.id)?.values() ?? [])].filter((p) => p.stance === 'objects');
    if (objections.length === 0) return '';
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
    const notes = this.notesOnProposal.get(proposal.id);
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

  private labelNotes(provision: Provision): string {
    return (this.notesOnLabel.get(provision.id) ?? []).map((statement) => this.markers.get(statement.id) ?? '').join('');
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
      for (const stray of provision.layout.strays ?? []) add(`v:${provision.id}`, { at: stray.at, order: order++, text: stray.text });
    }
    for (const proposal of this.state.proposals.values()) {
      for (const stray of proposal.layout.strays ?? []) add(`p:${proposal.id}`, { at: stray.at, order: order++, text: stray.text });
    }
    for (const list of this.decorations.values()) list.sort((a, b) => a.at - b.at || a.order - b.order);
  }
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
