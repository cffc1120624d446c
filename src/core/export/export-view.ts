/**
 * Any view of a document as a {@link RichDocument}: the compiled text in either notation,
 * a clean view (agreed, as a delegation wants it), or a comparison of two revisions. The
 * words are the notation's own rendering, paragraph for paragraph; this adds what a file
 * format can show and a text cannot: colours, strike-through, footnotes apart, headings.
 */
import { createDelegationRegistry, type DelegationRegistry } from '../delegations/index.ts';
import type { DocumentState } from '../model/document-state.ts';
import type { Provision } from '../model/provision.ts';
import { compareRevisions, renderSections } from '../render-text.ts';
import { footnoteMarkers } from '../views/footnote-markers.ts';
import { parseViewSpec, type ViewSpec } from '../views/view-spec.ts';
import { compiledRuns, type CompiledRunsContext } from './compiled-runs.ts';
import type { RichDocument, RichFootnote, RichParagraph, RichRun, TitleBlock } from './rich-document.ts';

export interface ExportOptions {
  /** "compiled", "agreed", "as:X", or a parsed view. */
  readonly view?: string | ViewSpec;
  /** Defaults to the notation the document was imported from. */
  readonly notation?: string;
  readonly registry?: DelegationRegistry;
  /** Makes the export a comparison: this state (the earlier revision) against `state`, in the view. */
  readonly compareWith?: { readonly state: DocumentState; readonly label: string };
  /** Organisation, document, revision and date; the view's words are added here. */
  readonly title: Omit<TitleBlock, 'view'>;
}

export function exportView(state: DocumentState, options: ExportOptions): RichDocument {
  const view = typeof options.view === 'string' ? parseViewSpec(options.view) : (options.view ?? { kind: 'compiled' as const });
  if (view === null) throw new RangeError(`Unknown view "${typeof options.view === 'string' ? options.view : ''}": use compiled, agreed or as:ISO3.`);
  const registry = options.registry ?? createDelegationRegistry();
  const notation = options.notation ?? state.notation;
  const render = { view, notation, registry };
  const title: TitleBlock = { ...options.title, view: describeView(view, notation, registry, options.compareWith?.label) };
  if (options.compareWith) {
    const comparison = compareRevisions(options.compareWith.state, state, render);
    return { title, paragraphs: comparisonParagraphs(comparison.parts), footnotes: [], delegations: [] };
  }
  const sections = renderSections(state, render);
  if (view.kind !== 'compiled') {
    const paragraphs = sections.flatMap((section) => section.paragraphs.map((text, index) => paragraph(state, section.provisionId, index === 0, plainRuns(text))));
    return { title, paragraphs, footnotes: [], delegations: [] };
  }
  return compiledDocument(state, sections, notation, registry, title);
}

function describeView(view: ViewSpec, notation: string, registry: DelegationRegistry, compareLabel: string | undefined): string {
  const base =
    view.kind === 'compiled'
      ? `Compiled text (${notation.toUpperCase()} notation)`
      : view.kind === 'agreed'
        ? 'Agreed text'
        : `The text as ${registry.resolve(view.delegation)?.names.en ?? view.delegation} wants it`;
  return compareLabel === undefined ? base : `${base}: changes since ${compareLabel}`;
}

function compiledDocument(
  state: DocumentState,
  sections: readonly { readonly provisionId: string | null; readonly paragraphs: readonly string[] }[],
  notation: string,
  registry: DelegationRegistry,
  title: TitleBlock,
): RichDocument {
  const markers = footnoteMarkers(state);
  // A footnote text paragraph is `⁵ text` (after `Name: ` when the text does not name its author).
  const noteByMarker = new Map<string, { statementId: string; prefix: string }>();
  for (const statement of state.statements.values()) {
    const marker = markers.get(statement.id);
    if (marker === undefined || statement.text.trim() === '' || statement.layout.unreferenced || statement.layout.textless || noteByMarker.has(marker)) continue;
    noteByMarker.set(marker, { statementId: statement.id, prefix: `${marker} ` });
  }
  // Paragraphs in order; a footnote's text paragraph is kept as a slot until we know whether the text references it.
  type Slot = { readonly provisionId: string | null; readonly text: string; readonly marker?: string; runs?: RichRun[] };
  const slots: Slot[] = [];
  const footnoteIds = new Map<string, string>();
  for (const section of sections) {
    for (const rendered of section.paragraphs) {
      // A footnote's text the draft had where a page broke (`words \n\n⁵ note\n\n words`) leaves
      // the paragraph whole again once it is a Word footnote.
      const pieces = rendered.split('\n\n');
      const notes: Slot[] = [];
      const words: string[] = [];
      for (const piece of pieces) {
        // A line break before the footnote's text belongs to the words before it.
        const lead = /^\n*/u.exec(piece)![0];
        const text = piece.slice(lead.length);
        const marker = noteMarkerOf(text, noteByMarker, state);
        if (marker !== undefined && !footnoteIds.has(marker)) {
          footnoteIds.set(marker, noteByMarker.get(marker)!.statementId);
          notes.push({ provisionId: section.provisionId, text, marker });
          if (lead !== '') words.push(lead);
        } else words.push(piece);
      }
      const joined = notes.length > 0 && words.length > 1 ? [words.join('')] : words;
      for (const text of joined) slots.push({ provisionId: section.provisionId, text });
      slots.push(...notes);
    }
  }
  const looseMarkers = new Map<string, string>();
  for (const [marker, statementId] of footnoteIds) {
    const anchor = state.statements.get(statementId)!.anchor;
    if (!/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u.test(marker) && anchor.provisionId !== undefined) looseMarkers.set(marker, anchor.provisionId);
  }
  const context: CompiledRunsContext = { codes: writtenCodes(state, registry), footnotes: footnoteIds, looseMarkers, tildeStrike: notation === 'cica', namesInside: notation === 'un' };
  // References consume their marker from `footnoteIds`: what is left there was never referenced.
  for (const slot of slots) if (slot.marker === undefined) slot.runs = compiledRuns(slot.text, { ...context, provisionId: slot.provisionId });
  const noteContext: CompiledRunsContext = { ...context, footnotes: new Map() };
  const paragraphs: RichParagraph[] = [];
  const footnotes: RichFootnote[] = [];
  const lineSeen = new Set<string | null>();
  for (const slot of slots) {
    if (slot.marker !== undefined && !footnoteIds.has(slot.marker)) {
      const statementId = noteByMarker.get(slot.marker)!.statementId;
      footnotes.push({ id: statementId, statementId, runs: compiledRuns(slot.text.slice(slot.marker.length + 1), noteContext) });
      continue;
    }
    const runs = slot.runs ?? compiledRuns(slot.text, noteContext);
    if (slot.text === 'OR') {
      paragraphs.push({ provisionId: slot.provisionId, role: 'connector', level: 0, runs });
      continue;
    }
    const isLine = slot.marker === undefined && !lineSeen.has(slot.provisionId);
    if (isLine) lineSeen.add(slot.provisionId);
    paragraphs.push(paragraph(state, slot.provisionId, isLine, runs));
  }
  levelUnlabelledHeadings(state, paragraphs);
  const delegations = new Set<string>();
  for (const p of [...paragraphs, ...footnotes]) for (const run of p.runs) if (run.delegation !== undefined) delegations.add(run.delegation);
  return { title, paragraphs, footnotes, delegations: [...delegations].sort() };
}

/** The marker of the footnote whose text this paragraph is, if it is one. */
function noteMarkerOf(text: string, noteByMarker: ReadonlyMap<string, { statementId: string; prefix: string }>, state: DocumentState): string | undefined {
  const space = text.indexOf(' ');
  if (space <= 0) return undefined;
  const marker = text.slice(0, space);
  const note = noteByMarker.get(marker);
  if (!note) return undefined;
  const statement = state.statements.get(note.statementId);
  return statement && text.trimEnd().endsWith(statement.text.trimEnd()) ? marker : undefined;
}

/** How the rendering may write each delegation that acts in the document → its code. */
function writtenCodes(state: DocumentState, registry: DelegationRegistry): Map<string, string> {
  const codes = new Map<string, string>([['Chair', 'CHAIR'], ['CHAIR', 'CHAIR']]);
  const add = (code: string): void => {
    codes.set(code, code);
    const delegation = registry.get(code);
    if (delegation) for (const name of [delegation.names.en, ...delegation.shortNames]) if (!codes.has(name)) codes.set(name, code);
  };
  for (const proposal of state.proposals.values()) {
    if (proposal.proponent !== null) add(proposal.proponent);
    for (const item of proposal.layout.tail ?? []) if (item.t === 'position') codes.set(item.written ?? item.delegation, item.delegation);
  }
  for (const byDelegation of state.positions.values()) for (const code of byDelegation.keys()) add(code);
  return codes;
}

function paragraph(state: DocumentState, provisionId: string | null, isLine: boolean, runs: RichRun[]): RichParagraph {
  const provision = provisionId === null ? undefined : state.provisions.get(provisionId);
  if (!isLine || !provision) return { provisionId, role: 'other', level: 0, runs };
  return provision.kind === 'heading' ? { provisionId, role: 'heading', level: headingLevel(provision), runs } : { provisionId, role: 'provision', level: 0, runs };
}

/** A heading without a label sits one level below the labelled heading before it (a priority area under "2.2"). */
function levelUnlabelledHeadings(state: DocumentState, paragraphs: RichParagraph[]): void {
  let above = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (p.role !== 'heading') continue;
    const labelled = state.provisions.get(p.provisionId ?? '')?.label != null;
    if (labelled) above = p.level;
    else paragraphs[i] = { ...p, level: Math.min(3, above + 1) };
  }
}

/** "2" → 1, "2.2" → 2, deeper → 3 (unlabelled: see {@link levelUnlabelledHeadings}). */
function headingLevel(provision: Provision): number {
  if (provision.label === null) return 1;
  return Math.min(3, provision.label.split('.').filter((part) => part !== '').length);
}

function plainRuns(text: string, style: Omit<RichRun, 'text'> = {}): RichRun[] {
  const runs: RichRun[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) runs.push({ text: '', lineBreak: true });
    if (line !== '') runs.push({ text: line, ...style });
  });
  return runs;
}

/** The comparison's parts cut into paragraphs where the text has a blank line. */
function comparisonParagraphs(parts: readonly { readonly value: string; readonly added?: boolean; readonly removed?: boolean }[]): RichParagraph[] {
  const paragraphs: RichParagraph[] = [];
  let runs: RichRun[] = [];
  for (const part of parts) {
    const style: Omit<RichRun, 'text'> = part.added ? { inserted: true } : part.removed ? { strike: true } : {};
    part.value.split('\n\n').forEach((piece, index) => {
      if (index > 0) {
        paragraphs.push({ provisionId: null, role: 'other', level: 0, runs });
        runs = [];
      }
      runs.push(...plainRuns(piece, style));
    });
  }
  if (runs.length > 0) paragraphs.push({ provisionId: null, role: 'other', level: 0, runs });
  return paragraphs.filter((p) => p.runs.some((run) => run.text.trim() !== ''));
}
