/**
 * The state of one negotiated document: what `fold(events)` gives.
 *
 * The maps are owned by whoever folded the state. `applyEvent` updates them in place —
 * copying a state with ten thousand proposals per event could not meet the 0.2 ms budget
 * for one event — and replaces the changed records with new objects, so a record read
 * earlier never changes under its reader. Take a {@link snapshot} to keep a plain copy.
 */
import type { OptionSet } from './option-set.ts';
import type { Position } from './position.ts';
import type { Proposal } from './proposal.ts';
import type { Provision } from './provision.ts';
import type { Revision } from './revision.ts';
import type { Statement } from './statement.ts';
import type { DocumentLanguages } from '../languages/document-languages.ts';
import type { Translation } from '../languages/translation.ts';

export interface DocumentState {
  id: string;
  title: string;
  /** The notation the document was imported from, used by default for rendering. */
  notation: string;
  /** Number of events folded so far. */
  version: number;
  /** Provision ids in document order, proposed ones included. */
  order: string[];
  provisions: Map<string, Provision>;
  proposals: Map<string, Proposal>;
  /** proposal id → delegation → position. */
  positions: Map<string, Map<string, Position>>;
  statements: Map<string, Statement>;
  optionSets: Map<string, OptionSet>;
  revisions: Revision[];
  /** Container key ("v:<provision id>" or "p:<proposal id>") → ids of proposals anchored in its text, in creation order. */
  anchored: Map<string, string[]>;
  /** The languages the document exists in; null: one language, no translations. */
  languages: DocumentLanguages | null;
  /** translationKey(target, id, language) → the latest translation recorded. */
  translations: Map<string, Translation>;
}

export function emptyState(): DocumentState {
  return {
    id: '',
    title: '',
    notation: 'cica',
    version: 0,
    order: [],
    provisions: new Map(),
    proposals: new Map(),
    positions: new Map(),
    statements: new Map(),
    optionSets: new Map(),
    revisions: [],
    anchored: new Map(),
    languages: null,
    translations: new Map(),
  };
}

/**
 * Plain, JSON-ready copy of a state with the derived index left out: what equality tests
 * compare, and what the server's read tables hold. Languages and translations are not in it:
 * no table holds them (the aligned versions are read from the folded state); the state
 * transfer carries them.
 */
export interface StateSnapshot {
  id: string;
  title: string;
  notation: string;
  version: number;
  provisions: Provision[];
  proposals: Proposal[];
  positions: Position[];
  statements: Statement[];
  optionSets: OptionSet[];
  revisions: Revision[];
}

export function snapshot(state: DocumentState): StateSnapshot {
  return {
    id: state.id,
    title: state.title,
    notation: state.notation,
    version: state.version,
    provisions: state.order.map((id) => state.provisions.get(id)).filter((p): p is Provision => p !== undefined),
    proposals: [...state.proposals.values()],
    positions: [...state.positions.values()].flatMap((byDelegation) => [...byDelegation.values()]),
    statements: [...state.statements.values()],
    optionSets: [...state.optionSets.values()],
    revisions: [...state.revisions],
  };
}

export function containerKey(provisionId: string, parent: string | null): string {
  return parent === null ? `v:${provisionId}` : `p:${parent}`;
}
