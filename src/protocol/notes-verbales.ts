/**
 * Wire schemas of the notes verbales registry: the registry's settings, a note's content as
 * the secretariat fills it in, the commands (draft, revise a draft, issue, circulate) and the views. A test
 * parses what src/core produces with these schemas, so the two cannot drift apart.
 */
import { z } from 'zod';
import { DelegationCode } from './schemas.ts';

export const NoteLanguage = z.enum(['en', 'ru', 'kk']);
const line = z.string().max(2000);
const text = z.string().max(20_000);
const localized = (schema: z.ZodString) => z.object({ en: schema.optional(), ru: schema.optional(), kk: schema.optional() });
const localizedLines = z.object({ en: z.array(line).max(50).optional(), ru: z.array(line).max(50).optional(), kk: z.array(line).max(50).optional() });

export const NoteDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date written YYYY-MM-DD').describe("The note's date (YYYY-MM-DD)");

export const NoteAddresseesSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('all-members') }),
    z.object({ kind: z.literal('states'), states: z.array(DelegationCode).min(1).max(200) }),
  ])
  .describe('All member states, or the named states (one or some)');

export const EnclosureSchema = z.object({
  title: localized(line).optional().describe('Omitted for one enclosure the text already names: printed "as stated"'),
  pages: z.number().int().min(1).max(10_000),
});

export const NoteContentSchema = z.object({
  fileIndex: z.string().min(1).max(50).describe('The file index of the nomenclature: 17-1'),
  date: NoteDate,
  subject: localized(line),
  addressees: NoteAddresseesSchema,
  addressee: localized(line).describe('How the formulas name the addressees, in each language in the form it needs (Russian, Kazakh: dative)'),
  addresseeBlock: localizedLines.describe('The addressee block at the foot, line by line'),
  purpose: localized(text).describe('What the sender has the honour to do, without the final full stop'),
  openingContinuation: localized(text).optional(),
  body: z.object({ en: z.array(text).max(100).optional(), ru: z.array(text).max(100).optional(), kk: z.array(text).max(100).optional() }).optional(),
  enclosures: z.array(EnclosureSchema).max(100),
});
export type NoteContentBody = z.infer<typeof NoteContentSchema>;

export const RegistryFormatSchema = z.object({
  pattern: z.string().min(1).max(100).describe('Slots {index}, {number}, {year}; the seed: {index}/{number}'),
  counter: z.enum(['per-year', 'per-index-and-year']),
});

export const NoteRegistryConfigSchema = z.object({
  format: RegistryFormatSchema,
  last: z.record(z.string().max(120), z.number().int().min(0)).describe('How far each counter had run before: "2021" → 297'),
  languages: z.array(NoteLanguage).min(1).max(3),
  sender: localized(line),
  senderShort: localized(line),
  place: localized(line),
});

export const NewNoteBody = NoteContentSchema.extend({
  issue: z.boolean().optional().describe('Issue it at once: the registry gives it its number'),
  circulate: z.boolean().optional().describe('Circulate it at once to its addressees (implies issue)'),
});
export type NewNoteBody = z.infer<typeof NewNoteBody>;

/** A draft's content as corrected: the same fields as when drafted, replacing them all (issuing is a step of its own). */
export const ReviseNoteBody = NoteContentSchema.extend({
  expectedRevisedAt: z
    .string()
    .nullable()
    .optional()
    .describe("The draft's revisedAt as you loaded it (null: never revised): refused with 409 when it was saved since, so that two officers do not overwrite each other. Absent: the last save wins"),
});
export type ReviseNoteBody = z.infer<typeof ReviseNoteBody>;

export const NoteQuerySchema = z.object({
  text: z.string().max(500).optional(),
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  addressee: DelegationCode.optional(),
  status: z.enum(['draft', 'issued', 'circulated']).optional(),
});

export const NoteLanguageQuery = z.object({
  language: z.enum(['en', 'ru', 'kk', 'all']).default('all').describe('One language of the registry, or all of them, each on its own page'),
});

export const NoteView = z.object({
  id: z.string(),
  status: z.enum(['draft', 'issued', 'circulated']),
  number: z.string().nullable(),
  date: NoteDate,
  subject: localized(line),
  addressees: NoteAddresseesSchema,
  circulatedTo: z.array(z.string()),
  draftedAt: z.string(),
  revisedAt: z.string().nullable().describe('When the draft was last revised; null when never'),
  issuedAt: z.string().nullable(),
  circulatedAt: z.string().nullable(),
  languages: z.array(NoteLanguage),
  content: NoteContentSchema,
});
export type NoteView = z.infer<typeof NoteView>;

export const NoteListView = z.object({ notes: z.array(NoteView), count: z.number().int() });
export type NoteListView = z.infer<typeof NoteListView>;

export const NoteRegistryView = z.object({ config: NoteRegistryConfigSchema.nullable(), last: z.record(z.string(), z.number().int()) });
