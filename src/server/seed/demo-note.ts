/**
 * The seed's note verbale No. 17-1/298 of 28 May 2021 in the demo's registry: the registry is
 * configured as CICA numbers its notes (file index / running number per year) with 297 notes
 * already sent in 2021, so the seed's note, drafted, issued and circulated to all member
 * states, takes exactly 17-1/298.
 */
import { CICA_REGISTRY_FORMAT, SEED_NOTE_FIELDS, type Actor, type NoteContent, type NoteEvent, type NoteRegistryConfig } from '../../core/index.ts';
import type { Context } from '../context.ts';
import { memberStates } from '../services/catalogue.ts';
import { issueEvent, requireNoteApplies } from '../services/notes-verbales.ts';

export const DEMO_NOTE_ID = 'note-17-1-298';
export const DEMO_NOTE_NUMBER = '17-1/298';

export const DEMO_NOTE_REGISTRY: NoteRegistryConfig = {
  format: CICA_REGISTRY_FORMAT,
  last: { '2021': 297 },
  languages: ['en', 'ru', 'kk'],
  sender: SEED_NOTE_FIELDS.sender,
  senderShort: SEED_NOTE_FIELDS.senderShort,
  place: SEED_NOTE_FIELDS.place,
};

export const DEMO_NOTE_CONTENT: NoteContent = {
  fileIndex: '17-1',
  date: SEED_NOTE_FIELDS.date,
  subject: {
    en: 'Draft updated CICA Catalogue of CBMs and draft agenda of the SWG meeting of 2 June 2021',
    ru: 'Проект обновленного Каталога мер доверия СВМДА и проект повестки дня заседания СРГ 2 июня 2021 г.',
    kk: 'АӨСШК сенім шаралары каталогының жобасы және АЖТ-ның 2021 жылғы 2 маусымдағы отырысының күн тәртібі жобасы',
  },
  addressees: { kind: 'all-members' },
  addressee: SEED_NOTE_FIELDS.addressee,
  addresseeBlock: SEED_NOTE_FIELDS.addresseeBlock,
  purpose: SEED_NOTE_FIELDS.purpose,
  ...(SEED_NOTE_FIELDS.openingContinuation ? { openingContinuation: SEED_NOTE_FIELDS.openingContinuation } : {}),
  enclosures: SEED_NOTE_FIELDS.enclosures,
};

/** Configures the registry and issues the seed's note to every member state; returns its number. */
export async function issueDemoNote(context: Pick<Context, 'database' | 'notesVerbales'>, organisationId: string, actor: Actor, at: string): Promise<string> {
  const to = await memberStates(context, organisationId);
  await context.notesVerbales.append(organisationId, {
    build(state) {
      const configured: NoteEvent = { type: 'note-registry.configured', at, actor, data: { config: DEMO_NOTE_REGISTRY } };
      requireNoteApplies(state, configured, organisationId);
      return [configured];
    },
  });
  const result = await context.notesVerbales.append(organisationId, {
    build(state) {
      const drafted: NoteEvent = { type: 'note.drafted', at, actor, data: { noteId: DEMO_NOTE_ID, content: DEMO_NOTE_CONTENT } };
      requireNoteApplies(state, drafted, organisationId);
      return [drafted, issueEvent(state, organisationId, DEMO_NOTE_ID, DEMO_NOTE_CONTENT, at, actor), { type: 'note.circulated', at, actor, data: { noteId: DEMO_NOTE_ID, to } }];
    },
  });
  const issued = result.events.find((stored) => stored.event.type === 'note.issued')?.event;
  const number = issued?.type === 'note.issued' ? issued.data.formatted : '';
  if (number !== DEMO_NOTE_NUMBER) throw new Error(`The demo's note verbale took number ${number}, not ${DEMO_NOTE_NUMBER}.`);
  return number;
}
