/**
 * What one paragraph of the compiled text is drawn from: its provision, the proposals in
 * its text (nested ones too), their positions, and the brackets, remarks and notes around
 * it. The engine replaces a record with a new object whenever it changes, so comparing
 * these lists element by element tells whether the paragraph must be drawn again — on a
 * 200-page text a live change then redraws one paragraph instead of four thousand.
 */
import { containerKey, type DocumentState, type OutlineEntry, type Statement } from '../../core/index.ts';
import type { NoteIndex } from './FootnoteMarks.tsx';

export function entryDependencies(state: DocumentState, entry: OutlineEntry, notes?: NoteIndex): readonly unknown[] {
  const found: unknown[] = [state.provisions.get(entry.provisionId), entry.orBefore];
  // Footnote markers are numbered across the document, so each one shown is a dependency too.
  const addNotes = (statements: readonly Statement[] | undefined): void => {
    for (const statement of statements ?? []) found.push(statement, notes?.markers.get(statement.id));
  };
  addNotes(notes?.onLabel.get(entry.provisionId));
  addNotes(notes?.onEnd.get(entry.provisionId));
  const addProposal = (id: string): void => {
    const proposal = state.proposals.get(id);
    found.push(proposal);
    addNotes(notes?.onProposal.get(id));
    const positions = state.positions.get(id);
    if (positions) for (const position of positions.values()) found.push(position);
    // A proposal's own words are a container of their own, where nested brackets rest.
    for (const child of state.anchored.get(containerKey('', id)) ?? []) addProposal(child);
  };
  for (const id of state.anchored.get(containerKey(entry.provisionId, null)) ?? []) addProposal(id);
  for (const proposal of entry.opens) addProposal(proposal.id);
  found.push('|');
  for (const proposal of entry.closes) addProposal(proposal.id);
  found.push('|');
  for (const proposal of entry.remarksAfter) addProposal(proposal.id);
  found.push('|');
  for (const statement of entry.notesAfter) found.push(statement, notes?.markers.get(statement.id));
  return found;
}

export function sameDependencies(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
