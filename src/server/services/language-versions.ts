/**
 * A document's language versions on the server: the secretariat sets the languages (among
 * the organisation's working languages) and records translations; anyone who may read the
 * document sees the versions aligned, or downloads them as a Word file in columns. The rules
 * themselves (what a translation must be, when adoption waits) are core's, checked when the
 * event is appended.
 */
import { eq } from 'drizzle-orm';
import { alignedVersions, allLanguages, type Actor, type AlignedVersions, type DocumentState, type ParleyEvent, type TranslationTarget } from '../../core/index.ts';
import type { Context } from '../context.ts';
import { organisations } from '../db/schema.ts';
import { writeBilingualDocx } from '../export/bilingual-docx.ts';
import { problem } from '../http/problem.ts';
import type { DocumentRow } from '../routes/access.ts';
import type { CommandResult } from '../store/event-store.ts';
import type { ExportedFile } from './document-files.ts';

type ServiceContext = Pick<Context, 'database' | 'store' | 'now'>;

async function organisationOf(context: ServiceContext, organisationId: string): Promise<typeof organisations.$inferSelect> {
  const [org] = await context.database.db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId });
  return org;
}

/** The languages asked for, each a working language of the organisation; absent: all of them, the first as the original. */
export async function setLanguages(
  context: ServiceContext,
  input: { readonly doc: DocumentRow; readonly actor: Actor; readonly original?: string | null; readonly others?: readonly string[] | null; readonly expectedVersion: number | null },
): Promise<CommandResult> {
  const org = await organisationOf(context, input.doc.organisationId);
  const working = org.workingLanguages;
  const original = input.original ?? working[0] ?? 'en';
  const others = input.others ?? working.filter((code) => code !== original);
  for (const language of [original, ...others]) {
    if (!working.includes(language)) throw problem('ERR_LANGUAGE_NOT_WORKING', { language, working: working.join(', ') || 'no language yet' });
  }
  const event: ParleyEvent = { type: 'document.languages.set', at: context.now().toISOString(), actor: input.actor, data: { original, others } };
  return context.store.append(input.doc.id, { expectedVersion: input.expectedVersion, build: () => [event] });
}

export async function recordTranslation(
  context: ServiceContext,
  input: {
    readonly doc: DocumentRow;
    readonly actor: Actor;
    readonly target: TranslationTarget;
    readonly id: string;
    readonly language: string;
    readonly text: string;
    readonly original: string;
    readonly expectedVersion: number | null;
  },
): Promise<CommandResult> {
  const { target, id, language, text, original } = input;
  return context.store.append(input.doc.id, {
    expectedVersion: input.expectedVersion,
    build: (state) => {
      if (state.languages === null) throw problem('ERR_LANGUAGE_SINGLE', { documentId: input.doc.id });
      const exists = target === 'provision' ? state.provisions.has(id) : state.proposals.has(id);
      if (!exists) throw problem('ERR_DOCUMENT_PART_NOT_FOUND', { documentId: input.doc.id, what: target, id });
      return [{ type: 'translation.recorded', at: context.now().toISOString(), actor: input.actor, data: { target, id, language, text, original } }];
    },
  });
}

/** The aligned versions; a document in one language is a 409 that says how to give it more. */
export function alignedView(doc: DocumentRow, state: DocumentState): AlignedVersions {
  if (state.languages === null) throw problem('ERR_LANGUAGE_SINGLE', { documentId: doc.id });
  return alignedVersions(state);
}

/** The versions side by side as a Word table, in the columns asked for (default: every language, the original first). */
export async function exportBilingual(
  context: ServiceContext,
  input: { readonly doc: DocumentRow; readonly state: DocumentState; readonly languages?: string; readonly date: Date },
): Promise<ExportedFile> {
  const aligned = alignedView(input.doc, input.state);
  const known = input.state.languages === null ? [] : allLanguages(input.state.languages);
  const columns = input.languages === undefined ? known : [...new Set(input.languages.split(','))];
  for (const language of columns) {
    if (!known.includes(language)) throw problem('ERR_LANGUAGE_UNKNOWN', { language, documentId: input.doc.id, languages: known.join(', ') });
  }
  const org = await organisationOf(context, input.doc.organisationId);
  const title = {
    organisation: org.name,
    document: input.doc.title,
    revision: input.state.revisions.at(-1)?.label ?? `Version ${input.state.version}`,
    date: input.date.toISOString().slice(0, 10),
    view: `Language versions: ${columns.join(' / ')}`,
  };
  const body = await writeBilingualDocx({ aligned, languages: columns, title });
  const base = input.doc.title.normalize('NFKD').replace(/[^A-Za-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 60).toLowerCase() || 'document';
  return { body, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: `${base}-v${input.state.version}-${columns.join('-')}.docx` };
}
