/**
 * The wire of documents in and out as files: export as Word, PDF or Akoma Ntoso, import of a
 * Word file (bracket notation, or tracked changes merged into one compilation) and of
 * Akoma Ntoso. Files travel as base64 inside JSON, like every other body of the API.
 */
import { z } from 'zod';
import { DocumentSummary, ImportWarningSchema, Notation } from './schemas.ts';

export const ExportFormat = z.enum(['docx', 'pdf', 'akn']);

export const ExportQuery = z.object({
  format: ExportFormat,
  view: z.string().min(1).max(60).optional().describe('compiled (default), agreed, as:ISO3, or bilingual (the language versions side by side; Word only)'),
  languages: z
    .string()
    .regex(/^[a-z]{2,3}(,[a-z]{2,3}){0,9}$/u)
    .optional()
    .describe('bilingual only: the columns, e.g. en,ru; absent: every language of the document, the original first'),
  notation: Notation.optional(),
  revision: z.coerce.number().int().min(0).optional().describe('The document as it stood at this revision (0 = as created); absent: now'),
  compare: z.coerce.number().int().min(0).optional().describe('DOCX and PDF only: the changes since this revision, in the view'),
});

/** A file as base64 (standard alphabet); 7.5 MB of file fits the 10 MB body limit. */
const FileData = z.string().min(1).max(10 * 1024 * 1024).regex(/^[A-Za-z0-9+/=\s]+$/u, 'base64');

export const WordImportBody = z.object({
  file: FileData.describe('The .docx, base64'),
  title: z.string().min(1).max(300).nullish(),
  notation: Notation.nullish(),
  circulatedToObservers: z.boolean().nullish(),
  preview: z.boolean().nullish().describe('Read only: report counts and warnings, save nothing'),
});

/** Where in the Word file a warning is: the body paragraph (1-based), and the footnote when it is in one. */
export const WordLocation = z.object({ paragraph: z.number().int(), footnote: z.number().int().optional() });

export const WordWarning = ImportWarningSchema.extend({ word: WordLocation });

export const WordImportResult = z.object({
  document: DocumentSummary.nullable().describe('null for a preview'),
  notation: Notation,
  counts: z.object({ provisions: z.number().int(), proposals: z.number().int(), statements: z.number().int(), optionSets: z.number().int() }),
  warnings: z.array(WordWarning),
});

export const TrackedImportBody = z.object({
  files: z.array(z.object({ name: z.string().min(1).max(300), file: FileData })).min(1).max(40),
  authors: z.record(z.string().max(200), z.string().min(1).max(20)).nullish().describe('Author → delegation code; authors left out take the mapping remembered for the organisation'),
  title: z.string().min(1).max(300).nullish(),
  circulatedToObservers: z.boolean().nullish(),
  preview: z.boolean().nullish(),
});

export const TrackedImportResult = z.object({
  document: DocumentSummary.nullable(),
  /** Every author found, with the delegation the import used (null: none known yet). */
  authors: z.array(z.object({ author: z.string(), delegation: z.string().nullable() })),
  counts: z.object({ provisions: z.number().int(), proposals: z.number().int(), optionSets: z.number().int() }),
  warnings: z.array(z.object({ code: z.string(), file: z.string().nullable(), paragraph: z.number().int().nullable(), message: z.string() })),
});

export const AknImportBody = z.object({
  xml: z.string().min(1).max(9 * 1024 * 1024),
  circulatedToObservers: z.boolean().nullish(),
});

export const AknImportResult = z.object({ document: DocumentSummary, warnings: z.array(z.string()) });
