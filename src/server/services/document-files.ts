/**
 * Documents in and out as files. Export: a view of a document (at a revision, or a
 * comparison of two) as Word or PDF, or the document as Akoma Ntoso. Import: a Word file in a
 * bracket notation through the same importer as plain text (warnings located in the Word
 * file); delegations' Word files with tracked changes merged into one compilation, with the
 * organisation's author → delegation mapping remembered; Akoma Ntoso as Parley writes it.
 * A file that cannot be read fails with a problem saying why, and nothing is saved.
 */
import { eq } from 'drizzle-orm';
import { createDelegationRegistry, importDraft, summarize, type Actor, type DelegationRegistry, type DocumentState, type ImportResult, type ParleyEvent } from '../../core/index.ts';
import { exportView } from '../../core/export/export-view.ts';
import type { RichDocument } from '../../core/export/rich-document.ts';
import { locate, wordDraftText, type WordLocation } from '../../core/word/word-draft-text.ts';
import { compileTrackedChanges, trackedAuthors, type TrackedFile, type TrackedWarning } from '../../core/word/tracked-changes.ts';
import type { WordDocument } from '../../core/word/word-document.ts';
import type { ErrorCode } from '../../protocol/errors.ts';
import { readAkn, AknReadError } from '../akn/akn-read.ts';
import { checkAkn } from '../akn/akn-rules.ts';
import { writeAkn } from '../akn/akn-write.ts';
import type { Context } from '../context.ts';
import { documents, organisations } from '../db/schema.ts';
import { DEFAULT_CONFIG } from '../config.ts';
import { writeDocx } from '../export/docx-writer.ts';
import { PDF_FOOTER, writeHtml } from '../export/html-writer.tsx';
import { printHtmlToPdf, PdfUnavailable } from '../pdf/print-html.ts';
import { problem } from '../http/problem.ts';
import { DocxReadError, readDocx, type DocxProblem } from '../import/docx-read.ts';

type Db = Pick<Context, 'database'>;
type Creating = Pick<Context, 'database' | 'store' | 'now' | 'newId'>;
type DocumentRow = typeof documents.$inferSelect;

const DOCX_PROBLEMS: Record<DocxProblem, ErrorCode> = {
  'not-zip': 'ERR_DOCX_NOT_ZIP',
  encrypted: 'ERR_DOCX_ENCRYPTED',
  'not-word': 'ERR_DOCX_NOT_WORD',
  'no-body': 'ERR_DOCX_NO_BODY',
  'too-large': 'ERR_DOCX_TOO_LARGE',
};

export interface ExportedFile {
  readonly body: Buffer | string;
  readonly contentType: string;
  readonly filename: string;
}

export async function exportFile(
  context: Db,
  input: {
    readonly doc: DocumentRow;
    readonly state: DocumentState;
    readonly format: 'docx' | 'pdf' | 'akn';
    /** The Chromium that prints PDF (the server's config); absent there: a 503 problem. */
    readonly chromiumPath?: string;
    readonly view: string;
    readonly notation?: string;
    readonly compareWith?: { readonly state: DocumentState; readonly label: string };
    readonly date: Date;
  },
): Promise<ExportedFile> {
  const org = await organisation(context, input.doc.organisationId);
  const registry = createDelegationRegistry({ aliases: org.settings.aliases });
  const date = input.date.toISOString().slice(0, 10);
  const base = `${slug(input.doc.title)}-v${input.state.version}`;
  if (input.format === 'akn') {
    const xml = writeAkn(input.state, { organisation: { id: org.slug, name: org.name }, date, registry });
    return { body: xml, contentType: 'application/akn+xml; charset=utf-8', filename: `${base}.akn.xml` };
  }
  const revision = input.state.revisions.at(-1)?.label ?? `Version ${input.state.version}`;
  const rich = exportView(input.state, {
    view: input.view,
    registry,
    ...(input.notation ? { notation: input.notation } : {}),
    ...(input.compareWith ? { compareWith: input.compareWith } : {}),
    title: { organisation: org.name, document: input.doc.title, revision, date },
  });
  const view = input.view.replace(/[^A-Za-z0-9]+/gu, '-');
  if (input.format === 'pdf') return { body: await printPdf(rich, input.chromiumPath ?? DEFAULT_CONFIG.chromiumPath), contentType: 'application/pdf', filename: `${base}-${view}.pdf` };
  return { body: await writeDocx(rich), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: `${base}-${view}.docx` };
}

/** The view printed by Chromium from its HTML page, page numbers in the footer; no Chromium: a 503 problem. */
async function printPdf(rich: RichDocument, chromiumPath: string): Promise<Buffer> {
  try {
    return await printHtmlToPdf(writeHtml(rich), { chromiumPath, footerTemplate: PDF_FOOTER });
  } catch (error) {
    if (error instanceof PdfUnavailable) throw problem('ERR_PDF_UNAVAILABLE', { reason: error.message });
    throw error;
  }
}

/** A .docx as the document model, or the problem that says why it is not one. */
export function wordDocument(bytes: Uint8Array): WordDocument {
  try {
    return readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxReadError) throw problem(DOCX_PROBLEMS[error.problem], { reason: error.message });
    throw error;
  }
}

export interface WordImportInput {
  readonly organisationId: string;
  readonly bytes: Uint8Array;
  readonly title?: string | null;
  readonly notation?: 'cica' | 'un' | null;
  readonly actor: Actor;
  readonly circulatedToObservers?: boolean;
  readonly preview?: boolean;
}

/** A Word file in a bracket notation: read as text by the same importer, each warning placed in the Word file. */
export async function importWordFile(
  context: Creating,
  input: WordImportInput,
): Promise<{ doc: DocumentRow | null; result: ImportResult; warnings: (ImportResult['warnings'][number] & { word: WordLocation })[] }> {
  const text = wordDraftText(wordDocument(input.bytes));
  if (text.text.trim() === '') throw problem('ERR_DOCX_NO_BODY', { reason: 'The Word document has no text to import.' });
  const org = await organisation(context, input.organisationId);
  const documentId = input.preview ? 'preview' : context.newId();
  const result = importDraft(text.text, {
    aliases: org.settings.aliases,
    documentId,
    at: context.now().toISOString(),
    actor: input.actor,
    ...(input.title ? { title: input.title } : {}),
    ...(input.notation ? { notation: input.notation } : {}),
  });
  const warnings = result.warnings.map((warning) => ({ ...warning, word: locate(text, warning.line) }));
  const doc = input.preview ? null : await create(context, input, documentId, result.events);
  return { doc, result, warnings };
}

export interface TrackedImportInput {
  readonly organisationId: string;
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  readonly authors?: Readonly<Record<string, string>> | null;
  readonly title?: string | null;
  readonly actor: Actor;
  readonly circulatedToObservers?: boolean;
  readonly preview?: boolean;
}

/**
 * Delegations' tracked-change files merged into one new compilation. Authors the request does
 * not map take the organisation's remembered mapping; saving needs every author mapped (a
 * preview lists them so the person can be asked), and remembers the mapping used.
 */
export async function importTrackedFiles(
  context: Creating,
  input: TrackedImportInput,
): Promise<{ doc: DocumentRow | null; state: DocumentState; authors: { author: string; delegation: string | null }[]; warnings: TrackedWarning[] }> {
  const files: TrackedFile[] = input.files.map((file) => ({ name: file.name, document: wordDocument(file.bytes) }));
  const org = await organisation(context, input.organisationId);
  const registry = createDelegationRegistry({ aliases: org.settings.aliases });
  const found = trackedAuthors(files);
  const mapping: Record<string, string> = {};
  for (const author of found) {
    const given = input.authors?.[author] ?? org.settings.trackedAuthors?.[author];
    const delegation = given === undefined ? undefined : delegationCode(registry, given);
    if (delegation !== undefined) mapping[author] = delegation;
  }
  const unmapped = found.filter((author) => mapping[author] === undefined);
  if (!input.preview && unmapped.length > 0) throw problem('ERR_DOCX_AUTHORS_UNMAPPED', { authors: unmapped.join(', ') }, { extra: { authors: unmapped } });
  const documentId = input.preview ? 'preview' : context.newId();
  const result = compileTrackedChanges(files, {
    authors: mapping,
    aliases: org.settings.aliases,
    documentId,
    at: context.now().toISOString(),
    actor: input.actor,
    ...(input.title ? { title: input.title } : { title: input.files[0]?.name.replace(/\.docx$/iu, '') ?? 'Compilation' }),
  });
  let doc: DocumentRow | null = null;
  if (!input.preview) {
    doc = await create(context, input, documentId, result.events);
    const remembered = { ...(org.settings.trackedAuthors ?? {}), ...mapping };
    await context.database.db.update(organisations).set({ settings: { ...org.settings, trackedAuthors: remembered } }).where(eq(organisations.id, input.organisationId));
  }
  return { doc, state: result.state, authors: found.map((author) => ({ author, delegation: mapping[author] ?? null })), warnings: result.warnings };
}

/** Akoma Ntoso as Parley writes it, as a new document; the structure rules are checked first. */
export async function importAknFile(
  context: Creating,
  input: { readonly organisationId: string; readonly xml: string; readonly actor: Actor; readonly circulatedToObservers?: boolean },
): Promise<{ doc: DocumentRow; warnings: string[] }> {
  const broken = checkAkn(input.xml);
  if (broken.length > 0) throw problem('ERR_AKN_INVALID', { reason: broken.slice(0, 5).join('; ') });
  await organisation(context, input.organisationId);
  const documentId = context.newId();
  let read;
  try {
    read = readAkn(input.xml, { actor: input.actor, at: context.now().toISOString(), documentId });
  } catch (error) {
    if (error instanceof AknReadError) throw problem('ERR_AKN_INVALID', { reason: error.message });
    throw error;
  }
  const doc = await create(context, input, documentId, read.events);
  return { doc, warnings: read.warnings };
}

export function countsOf(state: DocumentState): { provisions: number; proposals: number; statements: number; optionSets: number } {
  const summary = summarize(state);
  return { provisions: summary.provisions, proposals: summary.proposals, statements: summary.statements, optionSets: summary.optionSets };
}

async function create(
  context: Creating,
  input: { readonly organisationId: string; readonly actor: Actor; readonly circulatedToObservers?: boolean },
  documentId: string,
  events: ParleyEvent[],
): Promise<DocumentRow> {
  await context.store.createDocument({ organisationId: input.organisationId, documentId, events, createdBy: input.actor.user, circulatedToObservers: input.circulatedToObservers ?? false });
  const [doc] = await context.database.db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw new Error(`Document ${documentId} vanished after its creation.`);
  return doc;
}

async function organisation(context: Db, organisationId: string): Promise<typeof organisations.$inferSelect> {
  const [org] = await context.database.db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId });
  return org;
}

/** "Russia", "RUS", "Rus" (an alias) → the registry's code; a code it does not know is kept as given. */
function delegationCode(registry: DelegationRegistry, given: string): string {
  return registry.resolve(given)?.code ?? given.trim().toUpperCase();
}

function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 60)
      .toLowerCase() || 'document'
  );
}
