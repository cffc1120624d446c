/**
 * Reads a .docx into the {@link WordDocument} core works from: the zip opened with fflate,
 * the WordprocessingML parsed with fast-xml-parser (order kept: a run's place among its
 * siblings is its meaning), never by hand. A file that is not a Word document says why, so
 * the person can fix it: not a zip (or an old .doc), encrypted (a password-protected Word
 * file is an OLE container, not a zip), a zip without word/document.xml, no body, too large.
 */
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { TrackedMark, WordDocument, WordParagraph, WordRun } from '../../core/word/word-document.ts';

export type DocxProblem = 'not-zip' | 'encrypted' | 'not-word' | 'no-body' | 'too-large';

export class DocxReadError extends Error {
  constructor(
    readonly problem: DocxProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DocxReadError';
  }
}

/** Unpacked size beyond which a file is refused before it is inflated (a zip bomb stops here). */
export const DOCX_MAX_UNPACKED = 64 * 1024 * 1024;

/** The parts read; everything else in the package (images, styles, themes) is never inflated. */
const PARTS = new Set(['word/document.xml', 'word/footnotes.xml', 'word/numbering.xml', '[Content_Types].xml']);

/** One element as fast-xml-parser gives it with `preserveOrder`: `{ 'w:p': [children], ':@': {attributes} }`. */
type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

export function readDocx(bytes: Uint8Array, limits: { readonly maxUnpacked?: number } = {}): WordDocument {
  const maxUnpacked = limits.maxUnpacked ?? DOCX_MAX_UNPACKED;
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new DocxReadError('encrypted', 'The file is a password-protected Word document or an old .doc: remove the password, or save it as .docx, and try again.');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxReadError('not-zip', 'The file is not a Word document (.docx): it is not a zip package.');
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > maxUnpacked) throw new DocxReadError('too-large', `The Word document unpacks to more than ${Math.round(maxUnpacked / 1024 / 1024)} MB; split it and import the parts.`);
        return PARTS.has(file.name);
      },
    });
  } catch (error) {
    if (error instanceof DocxReadError) throw error;
    throw new DocxReadError('not-zip', 'The file is not a Word document (.docx): its zip package is damaged.', { cause: error });
  }
  const main = files['word/document.xml'];
  if (!main) throw new DocxReadError('not-word', 'The zip file is not a Word document: it has no word/document.xml.');
  const body = findFirst(parse(main), 'w:body');
  if (!body) throw new DocxReadError('no-body', 'The Word document has no body: there is no text to import.');
  const numbering = new Numbering(files['word/numbering.xml'] ? parse(files['word/numbering.xml']) : []);
  const paragraphs: WordParagraph[] = [];
  for (const p of paragraphsIn(children(body, 'w:body'))) paragraphs.push(readParagraph(p, paragraphs.length + 1, numbering));
  const footnotes = new Map<string, WordParagraph[]>();
  const notes = files['word/footnotes.xml'] ? findFirst(parse(files['word/footnotes.xml']), 'w:footnotes') : undefined;
  for (const note of notes ? children(notes, 'w:footnotes') : []) {
    if (tag(note) !== 'w:footnote' || attr(note, 'w:type') !== undefined) continue;
    const id = attr(note, 'w:id') ?? '';
    footnotes.set(id, paragraphsIn(children(note, 'w:footnote')).map((p, index) => readParagraph(p, index + 1, null)));
  }
  return { paragraphs, footnotes };
}

function parse(bytes: Uint8Array): Node[] {
  try {
    return parser.parse(new TextDecoder('utf-8').decode(bytes)) as Node[];
  } catch (error) {
    throw new DocxReadError('not-word', 'The Word document’s XML is damaged; open it in Word, save it again and retry.', { cause: error });
  }
}

function tag(node: Node): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

function children(node: Node, name = tag(node)): Node[] {
  const value = node[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function attr(node: Node, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, string> | undefined;
  return attributes?.[name];
}

function findFirst(nodes: readonly Node[], name: string): Node | undefined {
  for (const node of nodes) {
    if (tag(node) === name) return node;
    const inner = findFirst(children(node), name);
    if (inner) return inner;
  }
  return undefined;
}

/** Paragraphs in document order, through tables, content controls and tracked blocks; not into a paragraph. */
function paragraphsIn(nodes: readonly Node[]): Node[] {
  const found: Node[] = [];
  for (const node of nodes) {
    const name = tag(node);
    if (name === 'w:p') found.push(node);
    else if (name !== 'w:sectPr' && name !== '#text') found.push(...paragraphsIn(children(node)));
  }
  return found;
}

function readParagraph(p: Node, index: number, numbering: Numbering | null): WordParagraph {
  const runs: WordRun[] = [];
  let style: string | null = null;
  let mark: TrackedMark | undefined;
  let label: string | null = null;
  for (const child of children(p, 'w:p')) {
    const name = tag(child);
    if (name === 'w:pPr') {
      for (const prop of children(child)) {
        const propName = tag(prop);
        if (propName === 'w:pStyle') style = attr(prop, 'w:val') ?? null;
        if (propName === 'w:numPr' && numbering) {
          const numId = attr(children(prop).find((n) => tag(n) === 'w:numId') ?? {}, 'w:val');
          const level = attr(children(prop).find((n) => tag(n) === 'w:ilvl') ?? {}, 'w:val');
          if (numId !== undefined) label = numbering.next(numId, Number(level ?? '0'));
        }
        if (propName === 'w:rPr') {
          for (const r of children(prop)) if (tag(r) === 'w:ins' || tag(r) === 'w:del') mark = trackedMark(r);
        }
      }
    } else readInline(child, runs, undefined);
  }
  return { index, label, style, runs, ...(mark ? { mark } : {}) };
}

/** Runs inside a paragraph, through tracked changes, hyperlinks, smart tags, fields and content controls. */
function readInline(node: Node, runs: WordRun[], change: TrackedMark | undefined): void {
  const name = tag(node);
  if (name === 'w:r') {
    readRun(node, runs, change);
    return;
  }
  if (name === 'w:ins' || name === 'w:del' || name === 'w:moveFrom' || name === 'w:moveTo') {
    const mark = trackedMark(node);
    for (const child of children(node)) readInline(child, runs, mark);
    return;
  }
  if (name === 'w:pPr' || name === 'w:rPr' || name === '#text' || name === 'w:bookmarkStart' || name === 'w:bookmarkEnd' || name === 'w:proofErr') return;
  for (const child of children(node)) readInline(child, runs, change);
}

function trackedMark(node: Node): TrackedMark {
  const name = tag(node);
  return { kind: name === 'w:ins' || name === 'w:moveTo' ? 'ins' : 'del', author: attr(node, 'w:author') ?? '' };
}

function readRun(run: Node, runs: WordRun[], change: TrackedMark | undefined): void {
  let strike = false;
  const extra = change ? { change } : {};
  for (const child of children(run, 'w:r')) {
    const name = tag(child);
    if (name === 'w:rPr') {
      for (const prop of children(child)) {
        const propName = tag(prop);
        if ((propName === 'w:strike' || propName === 'w:dstrike') && !['0', 'false', 'off'].includes(attr(prop, 'w:val') ?? 'true')) strike = true;
      }
    } else if (name === 'w:t' || name === 'w:delText') {
      const text = children(child)
        .map((n) => (typeof n['#text'] === 'string' ? n['#text'] : ''))
        .join('');
      if (text !== '') runs.push({ text, ...(strike ? { strike } : {}), ...extra });
    } else if (name === 'w:tab') runs.push({ text: '\t', ...extra });
    else if (name === 'w:br' || name === 'w:cr') runs.push({ text: '', lineBreak: true, ...extra });
    else if (name === 'w:noBreakHyphen') runs.push({ text: '‑', ...extra });
    else if (name === 'w:footnoteReference') runs.push({ text: '', footnote: attr(child, 'w:id') ?? '', ...extra });
  }
}

/**
 * Word's automatic numbering, counted as Word counts it: per list (w:num → w:abstractNum),
 * a counter per level that restarts when a higher level advances, shown through the
 * level's w:lvlText ("%1.%2.") in its w:numFmt.
 */
class Numbering {
  private readonly levels = new Map<string, Map<number, { start: number; format: string; text: string }>>();
  private readonly counters = new Map<string, number[]>();

  constructor(nodes: readonly Node[]) {
    const root = findFirst(nodes, 'w:numbering');
    const abstract = new Map<string, Map<number, { start: number; format: string; text: string }>>();
    for (const node of root ? children(root, 'w:numbering') : []) {
      if (tag(node) === 'w:abstractNum') {
        const levels = new Map<number, { start: number; format: string; text: string }>();
        for (const lvl of children(node)) {
          if (tag(lvl) !== 'w:lvl') continue;
          const value = (name: string): string | undefined => attr(children(lvl).find((n) => tag(n) === name) ?? {}, 'w:val');
          levels.set(Number(attr(lvl, 'w:ilvl') ?? '0'), { start: Number(value('w:start') ?? '1'), format: value('w:numFmt') ?? 'decimal', text: value('w:lvlText') ?? '' });
        }
        abstract.set(attr(node, 'w:abstractNumId') ?? '', levels);
      }
    }
    for (const node of root ? children(root, 'w:numbering') : []) {
      if (tag(node) !== 'w:num') continue;
      const ref = attr(children(node).find((n) => tag(n) === 'w:abstractNumId') ?? {}, 'w:val') ?? '';
      const levels = abstract.get(ref);
      if (levels) this.levels.set(attr(node, 'w:numId') ?? '', levels);
    }
  }

  next(numId: string, level: number): string | null {
    const levels = this.levels.get(numId);
    const spec = levels?.get(level);
    if (!levels || !spec || spec.format === 'none' || spec.format === 'bullet') return null;
    const counters = this.counters.get(numId) ?? [];
    for (let k = 0; k < level; k++) counters[k] ??= levels.get(k)?.start ?? 1;
    counters[level] = counters[level] === undefined ? spec.start : counters[level] + 1;
    counters.length = level + 1;
    this.counters.set(numId, counters);
    const label = spec.text.replace(/%(\d)/gu, (_, d: string) => format(counters[Number(d) - 1] ?? 1, levels.get(Number(d) - 1)?.format ?? 'decimal'));
    return label.trim() === '' ? null : label;
  }
}

function format(n: number, kind: string): string {
  if (kind === 'lowerLetter' || kind === 'upperLetter') {
    const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1));
    return kind === 'upperLetter' ? letter.toUpperCase() : letter;
  }
  if (kind === 'lowerRoman' || kind === 'upperRoman') {
    const roman = toRoman(n);
    return kind === 'upperRoman' ? roman : roman.toLowerCase();
  }
  return String(n);
}

function toRoman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of table) while (n >= value) { out += numeral; n -= value; }
  return out;
}
