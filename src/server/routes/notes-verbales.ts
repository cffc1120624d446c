/**
 * The notes verbales registry: its settings (numbering, languages, sender), drafting, revising a
 * draft (an issued note is never changed), issuing (the registry's next number, given under the
 * register's lock), circulating to the
 * addressees, the list and search, and each note as HTML, PDF and DOCX. The secretariat sees
 * every note; a delegate sees those circulated to their delegation; to anyone else a note is
 * answered exactly as an id never used (same status, body, headers).
 */
import type { z } from 'zod';
import { composeRecord, noteFor, searchNotes, type Language, type NoteContent, type NoteEvent, type NoteRecord, type NotesState } from '../../core/index.ts';
import { NewNoteBody, NoteContentSchema, NoteLanguageQuery, NoteListView, NoteQuerySchema, NoteRegistryConfigSchema, NoteRegistryView, NoteView, ReviseNoteBody } from '../../protocol/notes-verbales.ts';
import { principalOf } from './access.ts';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';
import { printHtmlToPdf, PdfUnavailable } from '../pdf/print-html.ts';
import { noteDocx } from '../render/note-docx.ts';
import { noteHtml } from '../render/note-html.tsx';
import { memberStates } from '../services/catalogue.ts';
import { circulationsIn } from '../services/note-circulation.ts';
import { issueEvent, noteNotFound, noteReaderOf, requireNoteApplies } from '../services/notes-verbales.ts';
import { exchangeProblems as problems, OrgParams, PRIVATE } from './exchange-common.ts';
import { ProblemSchema } from '../../protocol/schemas.ts';

const tags = ['notes verbales'];
const NoteParams = OrgParams.extend({ noteId: OrgParams.shape.organisationId });
const fileProblems = { ...problems, 400: ProblemSchema, 503: ProblemSchema };
type Params = z.infer<typeof NoteParams>;

export function toNoteView(note: NoteRecord): NoteView {
  return {
    id: note.id,
    status: note.status,
    number: note.number,
    date: note.content.date,
    subject: note.content.subject,
    addressees: note.content.addressees as NoteView['addressees'],
    circulatedTo: [...note.circulatedTo],
    draftedAt: note.draftedAt,
    revisedAt: note.revisedAt,
    issuedAt: note.issuedAt,
    circulatedAt: note.circulatedAt,
    languages: [...note.config.languages],
    content: note.content as NoteView['content'],
  };
}

/** The file name a note downloads as: note-verbale-17-1-298-en.pdf. */
function fileName(note: NoteRecord, language: string, extension: string): string {
  const number = (note.number ?? `draft-${note.id}`).replace(/[^\p{L}\p{N}]+/gu, '-');
  return `note-verbale-${number}-${language}.${extension}`;
}

/** The app's own policy (app.ts), but for framing: the note screen frames this page (sandboxed, so nothing in it runs either way). */
const NOTE_PAGE_CSP = "default-src 'self'; base-uri 'self'; font-src 'self' data:; form-action 'self'; frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'";

export function registerNotesVerbalesRoutes(app: ZodApp, context: Context): void {
  const base = '/api/organisations/:organisationId/notes-verbales';
  const { now, newId } = context;

  async function visibleNote(request: { principal: Parameters<typeof principalOf>[0]; params: unknown }, rule: 'note.read' | 'note.write'): Promise<{ note: NoteRecord; organisationId: string; state: NotesState }> {
    const { organisationId, noteId } = request.params as Params;
    const { reader } = noteReaderOf(principalOf(request.principal), organisationId, rule);
    const { state } = await context.notesVerbales.read(organisationId);
    const note = noteFor(state, reader, noteId);
    if (!note) throw noteNotFound(noteId);
    return { note, organisationId, state };
  }

  /** Named addressees must be member states; "all member states" is resolved when the note is circulated. */
  async function checkAddressees(organisationId: string, content: NoteContent): Promise<string[]> {
    const members = await memberStates(context, organisationId);
    if (content.addressees.kind === 'all-members') return members;
    for (const delegation of content.addressees.states) if (!members.includes(delegation)) throw problem('ERR_DELEGATION_UNKNOWN', { delegation });
    return [...new Set(content.addressees.states)].sort();
  }

  /** Appends, then tells the circulation's listeners (after commit) and answers with the note as it now stands. */
  async function append(organisationId: string, noteId: string, build: (state: NotesState) => NoteEvent[]): Promise<NoteView> {
    const result = await context.notesVerbales.append(organisationId, { build });
    const { state } = await context.notesVerbales.read(organisationId);
    for (const circulation of circulationsIn(organisationId, result.events, (id) => {
      const note = state.notes.get(id);
      return note && { number: note.number, date: note.content.date };
    })) {
      void context.noteCirculation.emit(circulation);
    }
    return toNoteView(state.notes.get(noteId)!);
  }

  function languagesOf(note: NoteRecord, language: Language | 'all'): Language[] {
    if (language === 'all') return [...note.config.languages];
    if (!note.config.languages.includes(language)) throw problem('ERR_NOTE_LANGUAGE_UNAVAILABLE', { noteId: note.id, languages: note.config.languages.join(', ') });
    return [language];
  }

  function composed(note: NoteRecord, language: Language | 'all') {
    const languages = languagesOf(note, language);
    return { languages, notes: languages.map((l) => composeRecord(note, l, '—')), title: `Note verbale No. ${note.number ?? '—'} (${note.content.date})` };
  }

  app.get(
    `${base}/registry`,
    { config: { access: 'note.write' }, schema: { tags, summary: "The registry's settings and how far its counters have run", params: OrgParams, response: { 200: NoteRegistryView, ...problems } } },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      noteReaderOf(principalOf(request.principal), organisationId, 'note.write');
      void reply.header('cache-control', PRIVATE);
      const { state } = await context.notesVerbales.read(organisationId);
      return { config: state.config, last: { ...(state.registry?.last ?? {}) } };
    },
  );

  app.put(
    `${base}/registry`,
    {
      config: { access: 'note.write' },
      schema: { tags, summary: 'Set the registry: numbering pattern and counter, how far counters have run (never back), languages, sender, place', params: OrgParams, body: NoteRegistryConfigSchema, response: { 200: NoteRegistryView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const { actor } = noteReaderOf(principalOf(request.principal), organisationId, 'note.write');
      void reply.header('cache-control', PRIVATE);
      const config = request.body as z.infer<typeof NoteRegistryConfigSchema>;
      await context.notesVerbales.append(organisationId, {
        build(state) {
          const event: NoteEvent = { type: 'note-registry.configured', at: now().toISOString(), actor, data: { config } };
          requireNoteApplies(state, event, organisationId);
          return [event];
        },
      });
      const { state } = await context.notesVerbales.read(organisationId);
      return { config: state.config, last: { ...(state.registry?.last ?? {}) } };
    },
  );

  app.get(
    base,
    {
      config: { access: 'note.read' },
      schema: { tags, summary: 'The notes verbales you may see, newest first (search: text, year, addressee, status)', params: OrgParams, querystring: NoteQuerySchema, response: { 200: NoteListView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const { reader } = noteReaderOf(principalOf(request.principal), organisationId, 'note.read');
      void reply.header('cache-control', PRIVATE);
      const { state } = await context.notesVerbales.read(organisationId);
      const notes = searchNotes(state, reader, request.query as z.infer<typeof NoteQuerySchema>).map(toNoteView);
      return { notes, count: notes.length };
    },
  );

  app.post(
    base,
    {
      config: { access: 'note.write' },
      schema: { tags, summary: 'Draft a note verbale; with issue: true it takes the next registry number, with circulate: true it also goes to its addressees', params: OrgParams, body: NewNoteBody, response: { 201: NoteView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const { actor } = noteReaderOf(principalOf(request.principal), organisationId, 'note.write');
      void reply.header('cache-control', PRIVATE);
      const { issue, circulate, ...body } = request.body as NewNoteBody;
      const content = NoteContentSchema.parse(body) as NoteContent;
      const to = await checkAddressees(organisationId, content);
      const noteId = newId();
      const at = now().toISOString();
      const view = await append(organisationId, noteId, (state) => {
        const drafted: NoteEvent = { type: 'note.drafted', at, actor, data: { noteId, content } };
        requireNoteApplies(state, drafted, organisationId);
        const built: NoteEvent[] = [drafted];
        if (issue || circulate) built.push(issueEvent(state, organisationId, noteId, content, at, actor));
        if (circulate) built.push({ type: 'note.circulated', at, actor, data: { noteId, to } });
        return built;
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    `${base}/:noteId`,
    { config: { access: 'note.read' }, schema: { tags, summary: 'One note verbale', params: NoteParams, response: { 200: NoteView, ...problems } } },
    async (request, reply) => {
      void reply.header('cache-control', PRIVATE);
      const { note } = await visibleNote(request, 'note.read');
      return toNoteView(note);
    },
  );

  app.put(
    `${base}/:noteId`,
    {
      config: { access: 'note.write' },
      schema: { tags, summary: 'Revise a draft note: its content replaced as a whole (an issued note is never changed; draft a new one)', params: NoteParams, body: ReviseNoteBody, response: { 200: NoteView, ...problems } },
    },
    async (request, reply) => {
      void reply.header('cache-control', PRIVATE);
      const { note, organisationId, state: seen } = await visibleNote(request, 'note.write');
      const { actor } = noteReaderOf(principalOf(request.principal), organisationId, 'note.write');
      const { expectedRevisedAt, ...fields } = ReviseNoteBody.parse(request.body);
      const content = fields as NoteContent;
      const event: NoteEvent = { type: 'note.revised', at: now().toISOString(), actor, data: { noteId: note.id, content } };
      // Two officers correcting the same draft: the one who saves second learns of the first, rather than erasing it.
      const requireUnchanged = (state: NotesState): void => {
        const current = state.notes.get(note.id);
        if (expectedRevisedAt !== undefined && current !== undefined && current.revisedAt !== expectedRevisedAt) throw problem('ERR_NOTE_DRAFT_CHANGED', { noteId: note.id });
      };
      // An issued note is refused as such before its addressees are looked at; checked again under the register's lock.
      requireNoteApplies(seen, event, organisationId);
      requireUnchanged(seen);
      await checkAddressees(organisationId, content);
      return append(organisationId, note.id, (state) => {
        requireNoteApplies(state, event, organisationId);
        requireUnchanged(state);
        return [event];
      });
    },
  );

  app.post(
    `${base}/:noteId/issue`,
    { config: { access: 'note.write' }, schema: { tags, summary: "Issue a drafted note: it takes the registry's next number", params: NoteParams, response: { 200: NoteView, ...problems } } },
    async (request, reply) => {
      void reply.header('cache-control', PRIVATE);
      const { note, organisationId } = await visibleNote(request, 'note.write');
      const { actor } = noteReaderOf(principalOf(request.principal), organisationId, 'note.write');
      return append(organisationId, note.id, (state) => {
        const current = state.notes.get(note.id)!;
        const event = issueEvent(state, organisationId, current.id, current.content, now().toISOString(), actor);
        requireNoteApplies(state, event, organisationId);
        return [event];
      });
    },
  );

  app.post(
    `${base}/:noteId/circulate`,
    { config: { access: 'note.write' }, schema: { tags, summary: 'Circulate an issued note to its addressees (all member states: those of today)', params: NoteParams, response: { 200: NoteView, ...problems } } },
    async (request, reply) => {
      void reply.header('cache-control', PRIVATE);
      const { note, organisationId } = await visibleNote(request, 'note.write');
      const { actor } = noteReaderOf(principalOf(request.principal), organisationId, 'note.write');
      const to = await checkAddressees(organisationId, note.content);
      return append(organisationId, note.id, (state) => {
        const event: NoteEvent = { type: 'note.circulated', at: now().toISOString(), actor, data: { noteId: note.id, to } };
        requireNoteApplies(state, event, organisationId);
        return [event];
      });
    },
  );

  app.get(
    `${base}/:noteId/html`,
    { config: { access: 'note.read' }, schema: { tags, summary: 'The note as the HTML page that is printed (one language, or all: each on its own page)', params: NoteParams, querystring: NoteLanguageQuery, response: fileProblems } },
    async (request, reply) => {
      const { note } = await visibleNote(request, 'note.read');
      const { language } = request.query as z.infer<typeof NoteLanguageQuery>;
      const { notes, title } = composed(note, language);
      // The one page of Parley that Parley itself frames (the note screen shows it in a sandboxed frame): framed by its own
      // origin only, and a page that runs nothing and loads nothing.
      return reply
        .header('cache-control', PRIVATE)
        .header('content-security-policy', NOTE_PAGE_CSP)
        .header('x-frame-options', 'SAMEORIGIN')
        .type('text/html; charset=utf-8')
        .send(noteHtml(notes, title));
    },
  );

  app.get(
    `${base}/:noteId/pdf`,
    { config: { access: 'note.read' }, schema: { tags, summary: 'The note as PDF, printed by headless Chromium (503 where the server has none)', params: NoteParams, querystring: NoteLanguageQuery, response: fileProblems } },
    async (request, reply) => {
      const { note } = await visibleNote(request, 'note.read');
      const { language } = request.query as z.infer<typeof NoteLanguageQuery>;
      const { notes, title } = composed(note, language);
      let pdf: Buffer;
      try {
        pdf = await printHtmlToPdf(noteHtml(notes, title), { chromiumPath: context.config.chromiumPath });
      } catch (error) {
        if (error instanceof PdfUnavailable) throw problem('ERR_PDF_UNAVAILABLE', { reason: error.message });
        throw error;
      }
      return reply
        .header('cache-control', PRIVATE)
        .header('content-disposition', `attachment; filename="${fileName(note, language, 'pdf')}"`)
        .type('application/pdf')
        .send(pdf);
    },
  );

  app.get(
    `${base}/:noteId/docx`,
    { config: { access: 'note.read' }, schema: { tags, summary: 'The note as a Word document (one language, or all: a section each)', params: NoteParams, querystring: NoteLanguageQuery, response: fileProblems } },
    async (request, reply) => {
      const { note } = await visibleNote(request, 'note.read');
      const { language } = request.query as z.infer<typeof NoteLanguageQuery>;
      const { notes, title } = composed(note, language);
      return reply
        .header('cache-control', PRIVATE)
        .header('content-disposition', `attachment; filename="${fileName(note, language, 'docx')}"`)
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(await noteDocx(notes, title));
    },
  );
}
