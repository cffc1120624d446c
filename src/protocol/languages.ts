/**
 * The wire of a document's language versions: setting the languages, recording a
 * translation, and the versions aligned by provision and by proposal (core's
 * AlignedVersions; a test parses what core makes with this schema).
 */
import { z } from 'zod';

export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/u, 'an ISO 639 code such as en, ru, kk');

const expectedVersion = z.number().int().min(0).nullish().describe('The document version the change was made against; a stale one gets 409');

export const LanguagesBody = z
  .object({
    original: LanguageCode.nullish().describe("The language the document is negotiated in; absent: the organisation's first working language"),
    others: z.array(LanguageCode).max(10).nullish().describe("The other versions; absent: the organisation's other working languages"),
    expectedVersion,
  })
  .nullish();

export const TranslationTargetSchema = z.enum(['provision', 'proposal']);

export const TranslationBody = z.object({
  text: z.string().max(100_000).describe('The text in this language'),
  original: z.string().max(100_000).describe('The original text as translated; refused (422) when the original has changed since'),
  expectedVersion,
});

const VersionStatusSchema = z.enum(['original', 'done', 'pending', 'outdated']);

export const LanguageVersionSchema = z.object({
  language: z.string(),
  status: VersionStatusSchema,
  text: z.string().nullable(),
  translatedFrom: z.string().nullable(),
});

export const AlignedVersionsView = z.object({
  documentId: z.string(),
  version: z.number().int(),
  languages: z.array(z.string()),
  provisions: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      label: z.string().nullable(),
      proposedBy: z.string().nullable(),
      versions: z.array(LanguageVersionSchema),
      proposals: z.array(
        z.object({ id: z.string(), kind: z.string(), proponent: z.string().nullable(), language: z.string(), versions: z.array(LanguageVersionSchema) }),
      ),
    }),
  ),
  unfinished: z.object({ pending: z.number().int(), outdated: z.number().int() }),
});
export type AlignedVersionsView = z.infer<typeof AlignedVersionsView>;
