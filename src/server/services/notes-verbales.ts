/**
 * The notes verbales registry as a register of the organisation's log: the pure domain of
 * src/core/notes-verbales folded by the generic RegisterStore. A note's number is computed
 * from the register's state inside the append, under the register's lock (in this process)
 * and the organisation's stream lock (across processes), and the domain refuses any number
 * but the next one: two notes can never get the same number, and none is skipped.
 */
import {
  checkNoteEvent,
  emptyNotesState,
  nextNumber,
  noteYear,
  tryApplyNoteEvent,
  type Actor,
  type NoteEvent,
  type NoteContent,
  type NoteReader,
  type NotesState,
} from '../../core/index.ts';
import { hasRole, requireMember, requireRule, type AccessRule } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { problem } from '../http/problem.ts';
import type { Database } from '../db/database.ts';
import { RegisterStore, type RegisterDomain } from '../store/register-store.ts';

export type NotesVerbalesStore = RegisterStore<NotesState, NoteEvent>;

export const NOTES_VERBALES_DOMAIN: RegisterDomain<NotesState, NoteEvent> = {
  kind: 'notes-verbales',
  empty: emptyNotesState,
  apply: tryApplyNoteEvent,
};

export function notesVerbalesStore(database: Database, now: () => Date): NotesVerbalesStore {
  return new RegisterStore(database, NOTES_VERBALES_DOMAIN, now);
}

/** The caller as a reader of the registry: the secretariat sees all, a delegate its delegation's, anyone else none. */
export function noteReaderOf(principal: Principal, organisationId: string, rule: AccessRule): { reader: NoteReader; actor: Actor } {
  const list = requireMember(principal, organisationId);
  requireRule(list, rule);
  if (hasRole(list, 'secretariat')) return { reader: { kind: 'secretariat' }, actor: { user: principal.userId, delegation: null, role: 'secretariat' } };
  const delegate = list.find((m) => m.role === 'delegate' && m.delegation);
  if (delegate?.delegation) return { reader: { kind: 'delegation', delegation: delegate.delegation }, actor: { user: principal.userId, delegation: delegate.delegation, role: 'delegate' } };
  return { reader: { kind: 'none' }, actor: { user: principal.userId, delegation: null, role: 'chair' } };
}

/** The answer for a note the caller may not see — word for word the answer for an id never used. */
export function noteNotFound(noteId: string) {
  return problem('ERR_NOTE_NOT_FOUND', { noteId });
}

/** Refuses, with the error catalogue's codes, an event the domain would refuse. */
export function requireNoteApplies(state: NotesState, event: NoteEvent, organisationId: string): void {
  const rejection = checkNoteEvent(state, event);
  if (rejection === null) return;
  if (rejection.code === 'NOT_FOUND') throw noteNotFound('noteId' in event.data ? event.data.noteId : 'named');
  if (rejection.code === 'NOT_CONFIGURED') throw problem('ERR_NOTE_REGISTRY_NOT_CONFIGURED', { organisationId });
  throw problem('ERR_NOTE_CHANGE_REFUSED', { message: rejection.message }, { extra: { rejection: rejection.code } });
}

/**
 * The `note.issued` event for note `noteId` (of `content`) at this point of the log: the
 * registry's next number. Call it inside the register's append (`build`), where the state is
 * the latest under the lock; the note itself may be drafted by an earlier event of the same command.
 */
export function issueEvent(state: NotesState, organisationId: string, noteId: string, content: NoteContent, at: string, actor: Actor): NoteEvent {
  if (!state.registry) throw problem('ERR_NOTE_REGISTRY_NOT_CONFIGURED', { organisationId });
  const year = noteYear(content.date);
  const issued = nextNumber(state.registry, content.fileIndex, year);
  // The domain refuses it too; refused here, the caller gets the registry's own error.
  if (state.numbers.has(issued.formatted)) {
    throw problem('ERR_NOTE_CHANGE_REFUSED', { message: `Number ${issued.formatted} was already given to another note; the secretariat moves the counter on in the registry's settings.` }, { extra: { rejection: 'DUPLICATE' } });
  }
  return { type: 'note.issued', at, actor, data: { noteId, number: issued.number, year, formatted: issued.formatted } };
}
