/**
 * Who wants what, as UN compilation texts write it: the names after the dash inside a
 * bracket (`- US; G77 delete`, `-G77; US, Canada, Japan, EU delete.`) and the groups in
 * parentheses after it (`(G77) (EU, CANZ, Russia, US: delete)`).
 *
 * A list of names optionally closed by a verb; `;` ends a group, so in `US; G77 delete`
 * the US is the proponent and the G77 wants the words deleted, while in `EU, G77 retain`
 * both retain. A name without a verb proposes the words.
 */
import type { DelegationRegistry } from '../../delegations/index.ts';

/** What a verb says about the bracketed words. `none`: the name stands alone (a proponent). */
export type Verb = 'none' | 'proposes' | 'supports' | 'objects' | 'reserves';

export interface NameEntry {
  /** As written, blanks collapsed ("Republic of Korea"). */
  readonly written: string;
  /** The delegation code ("USA"), or the written name when it is not known. */
  readonly delegation: string;
  readonly known: boolean;
  readonly verb: Verb;
  /** Where the name starts in the parsed string. */
  readonly offset: number;
}

const VERBS: Readonly<Record<string, Verb>> = {
  delete: 'objects',
  deletes: 'objects',
  deletion: 'objects',
  del: 'objects',
  oppose: 'objects',
  opposes: 'objects',
  object: 'objects',
  objects: 'objects',
  retain: 'supports',
  retains: 'supports',
  keep: 'supports',
  keeps: 'supports',
  support: 'supports',
  supports: 'supports',
  reserve: 'reserves',
  reserves: 'reserves',
  reserved: 'reserves',
  reservation: 'reserves',
  reservations: 'reserves',
  add: 'proposes',
  adds: 'proposes',
  addition: 'proposes',
  propose: 'proposes',
  proposes: 'proposes',
  proposal: 'proposes',
  insert: 'proposes',
};

/** The verb a word names, if any ("delete", "Delete.", "retain"). */
export function verbOf(word: string): Verb | null {
  const verb = VERBS[word.toLowerCase().replace(/[.,;:]+$/u, '')];
  return verb ?? null;
}

// Words that begin notes, references and headings, never a delegation's name.
const NOT_A_NAME = new Set([
  'Note', 'Notes', 'NB', 'Agreed', 'Adopted', 'Option', 'Options', 'Alt', 'Alternative', 'Placeholder', 'Para', 'Paragraph', 'Paras',
  'Annex', 'Article', 'Decision', 'Resolution', 'Rev', 'Section', 'Chapter', 'Table', 'Part', 'Former', 'Formerly', 'Source',
  'Original', 'Text', 'No', 'New', 'See', 'Ibid', 'Moved', 'Placement', 'Reference', 'Merged', 'The', 'This', 'That', 'These',
  'Those', 'And', 'Or', 'To', 'In', 'On', 'For', 'With', 'By', 'Of', 'Including', 'Also', 'As', 'If', 'Which',
]);
const CONNECTORS = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'le', 'du', 'des', 'da', 'et', 'y']);
const NAME_WORD = /^[\p{Lu}\p{N}(][\p{L}\p{N}.'’&/()+-]*$/u;

/** Whether a string could be a delegation's name: a few capitalised words, not a sentence. */
export function isNameLike(name: string): boolean {
  if (name.length === 0 || name.length > 60) return false;
  const words = name.split(' ');
  if (words.length > 6 || NOT_A_NAME.has(words[0]!.replace(/[.:]$/u, ''))) return false;
  if (!/\p{L}/u.test(words[0]!) || !/^[\p{Lu}]/u.test(words[0]!)) return false;
  return words.every((word, i) => (i > 0 && CONNECTORS.has(word)) || (NAME_WORD.test(word) && /\p{L}/u.test(word)));
}

// Chairs and facilitators are named in many ways; all speak as the chair.
const CHAIR_NAMES = /^(?:the\s+)?(?:co-?)?(?:chairs?|chairpersons?|facilitators?|co-?facilitators?|presidency|president)(?:['’]s?)?$/iu;

/** Looks a written name up: the registry first, then the usual names for the chair. */
export function resolveName(registry: DelegationRegistry, written: string): { delegation: string; known: boolean } {
  const found = registry.resolve(written);
  if (found) return { delegation: found.code, known: true };
  if (CHAIR_NAMES.test(written)) return { delegation: 'CHAIR', known: true };
  return { delegation: written, known: false };
}

interface Piece {
  readonly text: string;
  readonly offset: number;
}

/** Splits `text` at every match of `separator`, keeping where each piece starts. */
function splitKeeping(text: string, offset: number, separator: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(separator)) {
    pieces.push({ text: text.slice(last, match.index), offset: offset + last });
    last = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(last), offset: offset + last });
  return pieces;
}

/** Trims a piece, moving its offset past the leading blanks. */
function trimPiece(piece: Piece): Piece {
  const lead = /^\s*/u.exec(piece.text)![0].length;
  return { text: piece.text.slice(lead).replace(/\s+$/u, '').replace(/\s+/gu, ' '), offset: piece.offset + lead };
}

/**
 * Reads an attribution (the text after the dash, or inside one pair of parentheses).
 * Returns null when the text is not one — words of the draft that merely follow a dash.
 */
export function parseAttribution(text: string, registry: DelegationRegistry): NameEntry[] | null {
  if (text.length > 400 || /[[\]{}"“”]/u.test(text)) return null;
  const body = text.replace(/[\s.]+$/u, '');
  if (body.trim() === '') return null;
  const entries: NameEntry[] = [];
  for (const segment of splitKeeping(body, 0, /;/gu)) {
    const read = readSegment(trimPiece(segment), registry);
    if (read === null) return null;
    entries.push(...read);
  }
  if (entries.length === 0) return null;
  const someKnown = entries.some((entry) => entry.known);
  const someVerb = entries.some((entry) => entry.verb !== 'none');
  // One unknown name alone passes (and is reported); a longer phrase is words of the draft.
  const single = entries.length === 1 && entries[0]!.written.split(' ').length <= 2;
  return someKnown || someVerb || single ? entries : null;
}

/** One `;`-separated group: `US, Canada, Japan, EU delete`, `EU, CANZ, US: delete`, `delete: US`. */
function readSegment(segment: Piece, registry: DelegationRegistry): NameEntry[] | null {
  if (segment.text === '') return [];
  const colon = segment.text.indexOf(':');
  let namesPart = segment;
  let groupVerb: Verb | null = null;
  if (colon >= 0) {
    const left = trimPiece({ text: segment.text.slice(0, colon), offset: segment.offset });
    const right = trimPiece({ text: segment.text.slice(colon + 1), offset: segment.offset + colon + 1 });
    const rightVerb = verbPhrase(right.text);
    const leftVerb = verbPhrase(left.text);
    if (rightVerb !== null) {
      namesPart = left;
      groupVerb = rightVerb;
    } else if (leftVerb !== null) {
      namesPart = right;
      groupVerb = leftVerb;
    } else return null;
  }
  const entries: NameEntry[] = [];
  let pending: { written: string; offset: number }[] = [];
  const close = (verb: Verb): void => {
    for (const name of pending) {
      const { delegation, known } = resolveName(registry, name.written);
      entries.push({ written: name.written, delegation, known, verb, offset: name.offset });
    }
    pending = [];
  };
  for (const raw of splitKeeping(namesPart.text, namesPart.offset, /,/gu)) {
    const item = trimPiece(raw);
    if (item.text === '') return null;
    const words = item.text.split(' ');
    // A verb closing the names so far: "Canada delete", "Canada to delete", or a verb alone.
    let verb: Verb | null = null;
    let cut = words.length;
    const lastVerb = words.length > 0 ? verbOf(words.at(-1)!) : null;
    if (lastVerb !== null) {
      verb = lastVerb;
      cut = words.length - 1;
      if (cut > 0 && words[cut - 1]!.toLowerCase() === 'to') cut--;
    }
    const nameText = words.slice(0, cut).join(' ');
    if (nameText !== '') {
      const names = splitNames(nameText, item.offset, registry);
      if (names === null) return null;
      pending.push(...names);
    } else if (verb === null || pending.length === 0) {
      return null;
    }
    if (verb !== null) close(verb);
  }
  if (pending.length > 0) close(groupVerb ?? 'none');
  else if (groupVerb !== null) for (let i = 0; i < entries.length; i++) entries[i] = { ...entries[i]!, verb: entries[i]!.verb === 'none' ? groupVerb : entries[i]!.verb };
  return entries;
}

/** A verb, optionally after "to" ("delete", "to delete"); null for anything else. */
function verbPhrase(text: string): Verb | null {
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length === 1) return verbOf(words[0]!);
  if (words.length === 2 && words[0]!.toLowerCase() === 'to') return verbOf(words[1]!);
  return null;
}

/** "Trinidad and Tobago" is one name; "US and Canada" two; "G77 and China" one. */
function splitNames(text: string, offset: number, registry: DelegationRegistry): { written: string; offset: number }[] | null {
  if (resolveName(registry, text).known) return [{ written: text, offset }];
  const parts = splitKeeping(text, offset, /\s+(?:and|&)\s+|\s*\/\s*/gu).map(trimPiece);
  if (parts.length > 1 && parts.every((part) => isNameLike(part.text))) return parts.map((part) => ({ written: part.text, offset: part.offset }));
  return isNameLike(text) ? [{ written: text, offset }] : null;
}

/**
 * Finds an attribution at the end of the words of a bracket: a dash after a blank
 * (`… - US; G77 delete`, `… -G77`), the rest of the text being names and verbs.
 * `atStart` allows the dash to open the text (when a nested bracket comes before it).
 */
export function findDashAttribution(
  text: string,
  registry: DelegationRegistry,
  atStart: boolean,
): { at: number; namesAt: number; entries: NameEntry[] } | null {
  const from = Math.max(0, text.length - 400);
  const dash = /(^|\s)[-–—]/gu;
  dash.lastIndex = from;
  for (let match = dash.exec(text); match !== null; match = dash.exec(text)) {
    const at = match.index;
    if (at === 0 && match[1] === '' && !atStart) continue;
    const namesAt = match.index + match[0].length;
    const entries = parseAttribution(text.slice(namesAt), registry);
    if (entries !== null) return { at, namesAt, entries };
  }
  return null;
}

/**
 * Parenthesised attributions closing the words of a bracket: `[text (G77; US: delete)]`.
 * Returns where they start (at the blanks before them) and the entries with offsets into `text`.
 */
export function trailingParenAttributions(text: string, registry: DelegationRegistry): { at: number; entries: NameEntry[] } | null {
  const match = /(?:\s*\((?:[^()[\]]|\([^()[\]]*\))*\))+\s*$/u.exec(text.length > 400 ? text.slice(-400) : text);
  if (!match) return null;
  const at = match.index + Math.max(0, text.length - 400);
  if (at === 0 || !/\s/u.test(text[at] ?? '')) return null;
  const found = leadingParenAttributions(text.slice(at), registry);
  if (found === null || text.slice(at + found.length).trim() !== '') return null;
  // Inside the words, parentheses often define an abbreviation: "(FTF)", "least developed countries (LDCs)".
  if (!found.entries.every((entry) => entry.known)) return null;
  const [only] = found.entries;
  if (found.entries.length === 1 && only && only.verb === 'none' && isAcronymOf(only.written, text.slice(0, at))) return null;
  return { at, entries: found.entries.map((entry) => ({ ...entry, offset: at + entry.offset })) };
}

/** "LDCs" after "least developed countries", "EU" after "European Union". */
function isAcronymOf(acronym: string, before: string): boolean {
  const letters = acronym.replace(/s$/u, '').replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters.length < 2) return false;
  const words = before.split(/[\s-]+/u).filter((word) => /^\p{L}/u.test(word));
  const initials = words
    .slice(-letters.length)
    .map((word) => word[0]!.toLowerCase())
    .join('');
  return initials === letters;
}

/**
 * Parenthesised groups at the start of `text` that are attributions:
 * `" (G77) (EU, CANZ, Russia, US: delete)"`. Returns the length taken and the entries
 * with offsets into `text`.
 */
export function leadingParenAttributions(text: string, registry: DelegationRegistry): { length: number; entries: NameEntry[] } | null {
  const group = /\s*\(((?:[^()[\]]|\([^()[\]]*\))*)\)/uy;
  let at = 0;
  const entries: NameEntry[] = [];
  for (;;) {
    group.lastIndex = at;
    const match = group.exec(text);
    if (!match) break;
    const inner = match[1] ?? '';
    const found = parseAttribution(inner, registry);
    if (found === null) break;
    const innerAt = at + match[0].indexOf('(') + 1;
    entries.push(...found.map((entry) => ({ ...entry, offset: innerAt + entry.offset })));
    at += match[0].length;
  }
  return at === 0 ? null : { length: at, entries };
}
