/**
 * Delegations' Word files with tracked changes, against the same base text, merged into one
 * compilation: the secretariat's days of compiling done in one call.
 *
 * The base text is each file with its insertions taken out and its deletions kept; it is
 * imported as an ordinary draft (so its provisions are what a plain import makes), and every
 * tracked change becomes a proposal of the delegation its author maps to, anchored to the
 * provision it falls in. Across files, identical changes become one proposal whose other
 * authors' delegations co-propose it; changes that overlap become alternatives — each
 * delegation's version of the whole overlapping span — in one option set.
 */
import type { Actor, ParleyEvent, ProposalInput } from '../events/event.ts';
import { tryApplyEvent } from '../events/apply.ts';
import { importDraft, type ImportOptions } from '../import-draft.ts';
import { emptyState, type DocumentState } from '../model/document-state.ts';
import type { ProposalKind } from '../model/proposal.ts';
import { IMPORT_ACTOR } from '../notations/draft-builder.ts';
import { TITLE_BLOCK_STYLE, type WordDocument, type WordParagraph } from './word-document.ts';

export interface TrackedFile {
  /** How the person knows the file (its file name), for warnings. */
  readonly name: string;
  readonly document: WordDocument;
}

export type TrackedWarningCode = 'UNMAPPED_AUTHOR' | 'DIFFERENT_BASE' | 'UNANCHORED_CHANGE' | 'BASE_TEXT' | 'REJECTED_CHANGE' | 'NO_CHANGES';

export interface TrackedWarning {
  readonly code: TrackedWarningCode;
  readonly file: string | null;
  /** The Word paragraph (1-based) the warning is about, when it is about one. */
  readonly paragraph: number | null;
  readonly message: string;
}

export interface TrackedChangesOptions extends Pick<ImportOptions, 'aliases' | 'registry' | 'notation' | 'documentId' | 'title'> {
  /** Word author (w:author) → delegation code. */
  readonly authors: Readonly<Record<string, string>>;
  readonly at?: string;
  /** Who records the proposals (the secretariat); the proponents are the authors' delegations. */
  readonly actor?: Actor;
}

export interface TrackedChangesResult {
  readonly state: DocumentState;
  readonly events: ParleyEvent[];
  readonly warnings: TrackedWarning[];
}

/** Everyone who made a tracked change in the files, sorted: whom the mapping must name. */
export function trackedAuthors(files: readonly TrackedFile[]): string[] {
  const authors = new Set<string>();
  for (const { document } of files) {
    for (const paragraph of document.paragraphs) {
      if (paragraph.mark) authors.add(paragraph.mark.author);
      for (const run of paragraph.runs) if (run.change) authors.add(run.change.author);
    }
  }
  return [...authors].sort();
}

/** One change in one paragraph, in offsets of the paragraph's base text. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly author: string;
}

interface BaseParagraph {
  readonly index: number;
  readonly text: string;
  readonly edits: readonly Edit[];
  /** The whole paragraph is a tracked deletion. */
  readonly deleted: { readonly author: string } | null;
}

/** A paragraph the file adds, after the base paragraph `after` (its position among base paragraphs, -1 = top). */
interface NewParagraph {
  readonly index: number;
  readonly after: number;
  readonly text: string;
  readonly author: string;
}

interface FileReading {
  readonly base: BaseParagraph[];
  readonly added: NewParagraph[];
}

function readFile(document: WordDocument): FileReading {
  const base: BaseParagraph[] = [];
  const added: NewParagraph[] = [];
  for (const paragraph of document.paragraphs) {
    if (paragraph.style === TITLE_BLOCK_STYLE) continue;
    const reading = readParagraph(paragraph);
    if (reading.baseText.trim() === '') {
      if (reading.insertedText.trim() !== '') added.push({ index: paragraph.index, after: base.length - 1, text: reading.insertedText.trim(), author: reading.insertAuthor ?? paragraph.mark?.author ?? '' });
      continue;
    }
    const deleted = reading.edits.length > 0 && reading.edits.every((e) => e.text === '') && reading.keptText.trim() === '' ? { author: reading.edits[0]!.author } : null;
    base.push({ index: paragraph.index, text: reading.baseText, edits: deleted ? [] : reading.edits, deleted });
  }
  return { base, added };
}

function readParagraph(paragraph: WordParagraph): { baseText: string; keptText: string; insertedText: string; insertAuthor: string | null; edits: Edit[] } {
  let baseText = paragraph.label === null ? '' : paragraph.label + ' ';
  let keptText = baseText;
  let insertedText = '';
  let insertAuthor: string | null = null;
  const edits: Edit[] = [];
  const add = (edit: Edit): void => {
    const last = edits.at(-1);
    // A deletion followed by an insertion in the same place by the same author is one replacement; runs split by formatting join up.
    if (last && last.author === edit.author && last.end === edit.start && (edit.start === edit.end || last.text === '')) {
      edits[edits.length - 1] = { start: last.start, end: edit.end, text: last.text + edit.text, author: last.author };
    } else edits.push(edit);
  };
  for (const run of paragraph.runs) {
    if (run.footnote !== undefined) continue;
    const words = run.lineBreak ? '\n' : run.text;
    if (run.change?.kind === 'ins') {
      add({ start: baseText.length, end: baseText.length, text: words, author: run.change.author });
      insertedText += words;
      insertAuthor ??= run.change.author;
    } else if (run.change?.kind === 'del') {
      add({ start: baseText.length, end: baseText.length + words.length, text: '', author: run.change.author });
      baseText += words;
    } else {
      baseText += words;
      keptText += words;
    }
  }
  return { baseText, keptText, insertedText, insertAuthor, edits };
}

/** A change with its delegation, in offsets of a provision's text. */
interface Placed {
  readonly provisionId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly delegation: string;
}

export function compileTrackedChanges(files: readonly TrackedFile[], options: TrackedChangesOptions): TrackedChangesResult {
  const warnings: TrackedWarning[] = [];
  const readings = files.map((file) => ({ file, reading: readFile(file.document) }));
  const reference = readings[0]?.reading.base ?? [];
  const baseText = reference.map((p) => p.text).join('\n\n') + '\n';
  const at = options.at ?? '1970-01-01T00:00:00.000Z';
  const actor = options.actor ?? IMPORT_ACTOR;
  const imported = importDraft(baseText, {
    at,
    actor,
    ...(options.aliases ? { aliases: options.aliases } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.notation ? { notation: options.notation } : {}),
    ...(options.documentId ? { documentId: options.documentId } : {}),
    ...(options.title ? { title: options.title } : {}),
  });
  for (const warning of imported.warnings) warnings.push({ code: 'BASE_TEXT', file: files[0]?.name ?? null, paragraph: reference[paragraphOfLine(reference, warning.line)]?.index ?? null, message: warning.message });
  const anchors = anchorParagraphs(imported.state, reference);

  const placed: Placed[] = [];
  const deletions = new Map<string, Set<string>>();
  const additions: { after: string | null; text: string; delegations: Set<string> }[] = [];
  for (const { file, reading } of readings) {
    if (!sameBase(reading.base, reference)) {
      warnings.push({ code: 'DIFFERENT_BASE', file: file.name, paragraph: null, message: `${file.name} is not against the same base text as ${files[0]!.name}: its changes were left out. Ask for the changes against the same version.` });
      continue;
    }
    const delegationOf = (author: string, paragraph: number): string | null => {
      const code = options.authors[author];
      if (code !== undefined && code.trim() !== '') return code;
      warnings.push({ code: 'UNMAPPED_AUTHOR', file: file.name, paragraph, message: `No delegation is given for the author "${author}": their change was left out.` });
      return null;
    };
    reading.base.forEach((paragraph, position) => {
      const anchor = anchors[position];
      if (paragraph.deleted) {
        const delegation = delegationOf(paragraph.deleted.author, paragraph.index);
        if (delegation === null) return;
        if (!anchor) return unanchored(warnings, file.name, paragraph.index);
        const set = deletions.get(anchor.provisionId) ?? new Set<string>();
        deletions.set(anchor.provisionId, set.add(delegation));
        return;
      }
      for (const edit of paragraph.edits) {
        const delegation = delegationOf(edit.author, paragraph.index);
        if (delegation === null) continue;
        const start = edit.start - (anchor?.offset ?? 0);
        const end = edit.end - (anchor?.offset ?? 0);
        if (!anchor || start < 0 || end > anchor.length) {
          unanchored(warnings, file.name, paragraph.index);
          continue;
        }
        placed.push({ provisionId: anchor.provisionId, start, end, text: edit.text, delegation });
      }
    });
    for (const paragraph of reading.added) {
      const delegation = delegationOf(paragraph.author, paragraph.index);
      if (delegation === null) continue;
      const after = paragraph.after < 0 ? null : (anchors[paragraph.after]?.provisionId ?? null);
      const same = additions.find((a) => a.after === after && a.text === paragraph.text);
      if (same) same.delegations.add(delegation);
      else additions.push({ after, text: paragraph.text, delegations: new Set([delegation]) });
    }
  }

  const state = emptyState();
  const events: ParleyEvent[] = [];
  const apply = (event: ParleyEvent): boolean => {
    const result = tryApplyEvent(state, event);
    if (result.ok) events.push(event);
    else warnings.push({ code: 'REJECTED_CHANGE', file: null, paragraph: null, message: `A change could not be recorded: ${result.rejection.message}` });
    return result.ok;
  };
  for (const event of imported.events) apply(event);
  const ids = { proposal: 0, provision: 0, optionSet: 0 };
  const propose = (input: Omit<ProposalInput, 'id' | 'proponent'>, delegations: readonly string[]): string | null => {
    const id = `t${++ids.proposal}`;
    const [proponent, ...others] = delegations;
    if (!apply({ type: 'proposal.made', at, actor, data: { proposal: { ...input, id, proponent: proponent ?? null } } })) return null;
    for (const delegation of others) apply({ type: 'position.taken', at, actor, data: { proposalId: id, delegation, stance: 'proposes', reason: null } });
    return id;
  };
  for (const group of clusters(placed)) {
    const provision = state.provisions.get(group[0]!.provisionId)!;
    const start = Math.min(...group.map((c) => c.start));
    const end = Math.max(...group.map((c) => c.end));
    const variants = new Map<string, string[]>();
    for (const delegation of unique(group.map((c) => c.delegation))) {
      const text = applyEdits(provision.text, start, end, group.filter((c) => c.delegation === delegation));
      if (text === provision.text.slice(start, end)) continue;
      variants.set(text, [...(variants.get(text) ?? []), delegation]);
    }
    const made: string[] = [];
    for (const [text, delegations] of variants) {
      const kind: ProposalKind = start === end ? 'insert' : text === '' ? 'delete' : 'replace';
      const id = propose({ kind, anchor: { provisionId: provision.id, parent: null, start, end }, text }, delegations);
      if (id !== null) made.push(id);
    }
    if (made.length > 1) {
      apply({ type: 'option-set.formed', at, actor, data: { optionSet: { id: `to${++ids.optionSet}`, members: made.map((id) => ({ t: 'proposal' as const, id })), allowsNoText: false } } });
    }
  }
  for (const [provisionId, delegations] of deletions) propose({ kind: 'delete-provision', provisionIds: [provisionId] }, [...delegations]);
  for (const addition of additions) {
    // The new paragraph read as the base text was, so its number is its label ("2.2.4 Sharing …").
    const read = importDraft(addition.text, { ...(options.notation ? { notation: options.notation } : {}) }).state;
    const first = read.provisions.get(read.order[0] ?? '');
    const provision = first && read.order.length === 1 ? { kind: first.kind, label: first.label, text: first.text } : { kind: 'paragraph' as const, label: null, text: addition.text };
    propose({ kind: 'new-provision', provisions: [{ id: `tv${++ids.provision}`, ...provision }], after: addition.after }, [...addition.delegations]);
  }
  if (events.length === imported.events.length) warnings.push({ code: 'NO_CHANGES', file: null, paragraph: null, message: 'The files have no tracked changes from a mapped author: the compilation is the base text alone.' });
  return { state, events, warnings };
}

function unanchored(warnings: TrackedWarning[], file: string, paragraph: number): void {
  warnings.push({ code: 'UNANCHORED_CHANGE', file, paragraph, message: `A change in paragraph ${paragraph} could not be placed in a provision (it touches the number, or the base paragraph is not one provision): it was left out.` });
}

function paragraphOfLine(paragraphs: readonly BaseParagraph[], line: number): number {
  let at = 1;
  for (let k = 0; k < paragraphs.length; k++) {
    at += paragraphs[k]!.text.split('\n').length + 1;
    if (line < at) return k;
  }
  return paragraphs.length - 1;
}

function sameBase(a: readonly BaseParagraph[], b: readonly BaseParagraph[]): boolean {
  const squeeze = (text: string): string => text.replace(/\s+/gu, ' ').trim();
  return a.length === b.length && a.every((p, k) => squeeze(p.text) === squeeze(b[k]!.text));
}

/**
 * Each base paragraph's provision and where the provision's text starts in it (after its
 * number), found in document order; a paragraph the import did not make one provision of has none.
 */
function anchorParagraphs(state: DocumentState, paragraphs: readonly BaseParagraph[]): ({ provisionId: string; offset: number; length: number } | null)[] {
  let cursor = 0;
  return paragraphs.map((paragraph) => {
    const text = paragraph.text.trimEnd();
    for (let k = cursor; k < state.order.length; k++) {
      const provision = state.provisions.get(state.order[k]!);
      if (!provision || provision.text === '' || !text.endsWith(provision.text.trimEnd())) continue;
      cursor = k + 1;
      return { provisionId: provision.id, offset: text.length - provision.text.trimEnd().length, length: provision.text.length };
    }
    return null;
  });
}

/** Groups changes that overlap (directly or through another), each group in one provision. */
function clusters(changes: readonly Placed[]): Placed[][] {
  const sorted = [...changes].sort((a, b) => a.provisionId.localeCompare(b.provisionId) || a.start - b.start || a.end - b.end);
  const groups: Placed[][] = [];
  for (const change of sorted) {
    const group = groups.at(-1);
    if (group && group[0]!.provisionId === change.provisionId && group.some((other) => overlaps(other, change))) group.push(change);
    else groups.push([change]);
  }
  return groups;
}

function overlaps(a: Placed, b: Placed): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** The words of `[start, end)` with one delegation's changes in it applied (they never overlap each other). */
function applyEdits(text: string, start: number, end: number, edits: readonly Placed[]): string {
  let out = text.slice(start, end);
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, edit.start - start) + edit.text + out.slice(edit.end - start);
  }
  return out;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
