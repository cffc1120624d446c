/**
 * The Word imports as calls: a .docx in a bracket notation, and delegations' tracked-change files
 * merged into one compilation (types from protocol/document-files.ts). Both can be a preview
 * (read, nothing saved) or the import itself.
 */
import type { z } from 'zod';
import type { TrackedImportBody, TrackedImportResult, WordImportBody, WordImportResult } from '../../protocol/document-files.ts';
import { request } from '../api.ts';

export type WordImportAnswer = z.infer<typeof WordImportResult>;
export type TrackedImportAnswer = z.infer<typeof TrackedImportResult>;

const base = (organisationId: string): string => `/api/organisations/${encodeURIComponent(organisationId)}/documents`;

export const wordImportApi = {
  word: (organisationId: string, body: z.input<typeof WordImportBody>): Promise<WordImportAnswer> => request('POST', `${base(organisationId)}/docx`, body),
  tracked: (organisationId: string, body: z.input<typeof TrackedImportBody>): Promise<TrackedImportAnswer> => request('POST', `${base(organisationId)}/tracked-changes`, body),
};
