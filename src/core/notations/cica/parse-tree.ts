/**
 * First stage of reading a CICA-style draft: paragraphs, then tokens, then a tree of
 * brackets. Nothing here decides what a bracket means; it only finds where brackets
 * open and close, what is written after each, and where the draft is broken.
 *
 * Recovery rules (each reported as a warning by the caller):
 * - a `]` with nothing open is kept as a stray token; when it follows a bracket's tail,
 *   the markers after it still belong to that bracket (`(+CHN)⁵] (-ISR)`);
 * - a `[` never closed is closed at the end of its own paragraph;
 * - a paragraph cut by footnote texts where a page broke is joined again.
 */
import type { DelegationRegistry } from '../../delegations/index.ts';

export interface Marker {
  /** '+' proposes or supports, '-' opposes, '?' reserves, '' names the proponent. */
  readonly sign: '+' | '-' | '?' | '';
  /** The code as written ("Thai"). */
  readonly written: string;
  /** Resolved delegation code ("THA"), or the written code when unknown. */
  readonly delegation: string;
  readonly known: boolean;
  readonly reason: string | null;
  readonly raw: string;
}

export type TailEntry =
  | { readonly t: 'marker'; readonly marker: Marker; readonly space: string; readonly src: number }
  | { readonly t: 'foot'; readonly marker: string; readonly space: string; readonly src: number }
  | { readonly t: 'stray'; readonly space: string; readonly src: number };

export interface BracketNode {
  readonly t: 'bracket';
  readonly children: TreeNode[];
  readonly tail: TailEntry[];
  readonly src: number;
  implicitClose: boolean;
  markersInside: boolean;
}

export type TreeNode =
  | { readonly t: 'text'; readonly text: string; readonly src: number }
  | BracketNode
  | { readonly t: 'strike'; readonly text: string; readonly src: number }
  | { readonly t: 'marker'; readonly marker: Marker; readonly src: number }
  | { readonly t: 'foot'; readonly marker: string; readonly src: number }
  | { readonly t: 'stray'; readonly text: string; readonly src: number }
  | { readonly t: 'break'; readonly footnotes: readonly FootnoteText[]; readonly separator: string; readonly src: number }
  | { readonly t: 'para'; readonly src: number }
  | { readonly t: 'or'; readonly raw: string; readonly src: number }
  | { readonly t: 'footnote'; readonly note: FootnoteText };

export interface FootnoteText {
  readonly marker: string;
  readonly text: string;
  readonly src: number;
}

export interface TreeProblem {
  readonly code: 'UNMATCHED_OPEN' | 'UNMATCHED_CLOSE' | 'PARAGRAPH_JOINED' | 'UNCLOSED_STRIKE';
  readonly src: number;
  readonly message: string;
}

interface Paragraph {
  readonly text: string;
  readonly src: number;
}

const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
const FOOTNOTE_TEXT = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3})[ \t]+(\S[\s\S]*)$/u;
const OR_LINE = /^\s*(OR|Or|ИЛИ)\s*$/u;
const MARKER = /\(\s*([+\-−–?]?)\s*([A-Za-z][A-Za-z.'’ ]{0,40}?)\s*(?:,\s*([^()]*?))?\s*\)/uy;
/** A run of characters none of which can start a token: taken in one step. */
const PLAIN_RUN = /[^[\]~(*¹²³⁴⁵⁶⁷⁸⁹⁰]+/uy;
const TERMINAL = /[.;:!?]["”’)]*\s*$/u;

/** Paragraphs are runs of non-blank lines; inner line breaks stay in the paragraph. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = -1;
  let end = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (isBlankLine(text, lineStart, contentEnd)) {
      if (start >= 0) paragraphs.push({ text: text.slice(start, end), src: start });
      start = -1;
    } else {
      if (start < 0) start = lineStart;
      end = contentEnd;
    }
    lineStart = lineEnd + 1;
  }
  if (start >= 0) paragraphs.push({ text: text.slice(start, end), src: start });
  return paragraphs;
}

function isBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11 && c !== 0xa0 && c !== 0xfeff) {
      if (c < 0x2000 || c > 0x200b) return false;
    }
  }
  return true;
}

type Block =
  | { readonly t: 'content'; readonly parts: { text: string; src: number }[]; readonly breaks: { footnotes: FootnoteText[]; separator: string; src: number }[] }
  | { readonly t: 'footnote'; readonly note: FootnoteText }
  | { readonly t: 'or'; readonly raw: string; readonly src: number };

function classify(paragraphs: readonly Paragraph[]): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of paragraphs) {
    const first = paragraph.text[0] ?? '';
    const footnote = first === '*' || SUPERSCRIPTS.includes(first) ? FOOTNOTE_TEXT.exec(paragraph.text) : null;
    if (footnote?.[1] && footnote[2] !== undefined && !/^\*{2}/u.test(paragraph.text)) {
      blocks.push({ t: 'footnote', note: { marker: footnote[1], text: footnote[2], src: paragraph.src } });
    } else if (paragraph.text.length < 12 && OR_LINE.test(paragraph.text)) {
      blocks.push({ t: 'or', raw: paragraph.text.trim(), src: paragraph.src });
    } else {
      blocks.push({ t: 'content', parts: [{ text: paragraph.text, src: paragraph.src }], breaks: [] });
    }
  }
  return blocks;
}

/**
 * Joins a paragraph that a page break cut in two: text that does not end a sentence,
 * footnote texts, then a paragraph that starts in lower case (or, for tables, a row).
 */
function joinBrokenParagraphs(blocks: Block[], problems: TreeProblem[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    out.push(block);
    if (block.t !== 'content') continue;
    let j = i + 1;
    const notes: FootnoteText[] = [];
    while (j < blocks.length && blocks[j]!.t === 'footnote') {
      notes.push((blocks[j] as { note: FootnoteText }).note);
      j++;
    }
    const next = blocks[j];
    if (notes.length === 0 || !next || next.t !== 'content') continue;
    const last = block.parts.at(-1)!;
    const first = next.parts[0]!;
    const isTable = last.text.includes('\t') && first.text.startsWith('\t');
    const continues = !TERMINAL.test(last.text) && /^\p{Ll}/u.test(first.text);
    if (!isTable && !continues) continue;
    block.breaks.push({ footnotes: notes, separator: isTable ? '\n' : ' ', src: first.src });
    block.parts.push(...next.parts);
    block.breaks.push(...next.breaks);
    problems.push({
      code: 'PARAGRAPH_JOINED',
      src: first.src,
      message: `A paragraph was cut by footnote text ${notes.map((n) => n.marker).join(', ')} (a page break); its two parts were joined. Check that they belong together.`,
    });
    i = j;
  }
  return out;
}

interface Token {
  readonly t: 'text' | 'open' | 'close' | 'strike' | 'marker' | 'foot' | 'break' | 'para' | 'or' | 'footnote';
  readonly src: number;
  readonly text?: string;
  readonly marker?: Marker;
  readonly note?: FootnoteText;
  readonly footnotes?: readonly FootnoteText[];
  readonly separator?: string;
}

class Tokenizer {
  readonly tokens: Token[] = [];
  private text = '';
  private textSrc = 0;

  constructor(
    private readonly registry: DelegationRegistry,
    private readonly starFootnotes: boolean,
    private readonly problems: TreeProblem[],
  ) {}

  push(token: Token): void {
    this.flush();
    this.tokens.push(token);
  }

  private flush(): void {
    if (this.text !== '') this.tokens.push({ t: 'text', text: this.text, src: this.textSrc });
    this.text = '';
  }

  private addText(chunk: string, src: number): void {
    if (this.text === '') this.textSrc = src;
    this.text += chunk;
  }

  paragraph(s: string, base: number): void {
    let i = 0;
    let stars = 0;
    while (i < s.length) {
      const ch = s[i]!;
      const src = base + i;
      if (ch === '[') {
        this.push({ t: 'open', src });
        i++;
      } else if (ch === ']') {
        this.push({ t: 'close', src });
        i++;
      } else if (ch === '~' && s[i + 1] === '~') {
        const end = s.indexOf('~~', i + 2);
        // A strike-through holds plain words; one spanning brackets is not one.
        if (end > i + 2 && !/[[\]]/u.test(s.slice(i + 2, end))) {
          this.push({ t: 'strike', text: s.slice(i + 2, end), src });
          i = end + 2;
        } else {
          this.problems.push({ code: 'UNCLOSED_STRIKE', src, message: 'A strike-through mark "~~" is not closed in its paragraph; it was kept as text.' });
          this.addText('~~', src);
          i += 2;
        }
      } else if (ch === '(') {
        const marker = this.readMarker(s, i);
        if (marker) {
          this.push({ t: 'marker', marker: marker.marker, src });
          i += marker.length;
        } else {
          this.addText(ch, src);
          i++;
        }
      } else if (SUPERSCRIPTS.includes(ch) && i > 0) {
        let j = i;
        while (j < s.length && SUPERSCRIPTS.includes(s[j]!)) j++;
        this.push({ t: 'foot', text: s.slice(i, j), src });
        i = j;
      } else if (ch === '*') {
        let j = i;
        while (j < s.length && s[j] === '*') j++;
        const run = s.slice(i, j);
        const before = s[i - 1] ?? ' ';
        const after = s[j] ?? ' ';
        // A single star right after a word, not closing an italic span, is a footnote marker.
        if (this.starFootnotes && run === '*' && /[\p{L}\p{N})\].]/u.test(before) && /[\s,.;:]/u.test(after) && stars % 2 === 0) {
          this.push({ t: 'foot', text: '*', src });
        } else {
          if (run.length === 1) stars++;
          this.addText(run, src);
        }
        i = j;
      } else {
        PLAIN_RUN.lastIndex = i;
        const run = PLAIN_RUN.exec(s);
        const end = run ? i + run[0].length : i + 1;
        this.addText(s.slice(i, end), src);
        i = end;
      }
    }
    this.flush();
  }

  private readMarker(s: string, at: number): { marker: Marker; length: number } | null {
    MARKER.lastIndex = at;
    const match = MARKER.exec(s);
    if (!match) return null;
    const rawSign = match[1] ?? '';
    const sign = rawSign === '' ? '' : rawSign === '+' ? '+' : rawSign === '?' ? '?' : '-';
    const written = (match[2] ?? '').trim();
    const words = written.split(/\s+/u).length;
    const delegation = this.registry.resolve(written);
    if (sign === '' && !delegation) return null;
    if (sign !== '' && !delegation && (words > 3 || !/^[A-Z]/u.test(written))) return null;
    const reason = match[3]?.trim() || null;
    return {
      marker: { sign, written, delegation: delegation?.code ?? written, known: delegation !== undefined, reason, raw: match[0] },
      length: match[0].length,
    };
  }
}

export interface ParsedTree {
  readonly nodes: TreeNode[];
  readonly problems: TreeProblem[];
  /** Footnote texts by marker, in draft order. */
  readonly footnotes: FootnoteText[];
}

export function parseTree(text: string, registry: DelegationRegistry): ParsedTree {
  const problems: TreeProblem[] = [];
  const blocks = joinBrokenParagraphs(classify(splitParagraphs(text)), problems);
  const footnotes: FootnoteText[] = [];
  for (const block of blocks) {
    if (block.t === 'footnote') footnotes.push(block.note);
    if (block.t === 'content') for (const b of block.breaks) footnotes.push(...b.footnotes);
  }
  const tokenizer = new Tokenizer(registry, footnotes.some((f) => f.marker === '*'), problems);
  let first = true;
  for (const block of blocks) {
    if (block.t === 'footnote') {
      tokenizer.push({ t: 'footnote', src: block.note.src, note: block.note });
      continue;
    }
    if (block.t === 'or') {
      tokenizer.push({ t: 'or', src: block.src, text: block.raw });
      continue;
    }
    if (!first) tokenizer.push({ t: 'para', src: block.parts[0]!.src });
    first = false;
    block.parts.forEach((part, index) => {
      if (index > 0) {
        const joint = block.breaks[index - 1]!;
        tokenizer.push({ t: 'break', src: joint.src, footnotes: joint.footnotes, separator: joint.separator });
      }
      tokenizer.paragraph(part.text, part.src);
    });
  }
  return { nodes: buildTree(tokenizer.tokens, problems), problems, footnotes };
}

/**
 * Brackets nested deeper than this are kept as written text: no real draft nests that
 * deep, and everything downstream walks the tree recursively.
 */
export const MAX_NESTING = 48;

function buildTree(tokens: readonly Token[], problems: TreeProblem[]): TreeNode[] {
  const root: TreeNode[] = [];
  const stack: BracketNode[] = [];
  const current = (): TreeNode[] => stack.at(-1)?.children ?? root;
  let overflow = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.t === 'open' && stack.length >= MAX_NESTING) {
      if (overflow === 0) problems.push({ code: 'UNMATCHED_OPEN', src: token.src, message: `Brackets are nested more than ${MAX_NESTING} deep here; the deeper ones were kept as written text. Check the bracketing.` });
      overflow++;
      current().push({ t: 'stray', text: '[', src: token.src });
      i++;
      continue;
    }
    if (token.t === 'close' && overflow > 0) {
      overflow--;
      current().push({ t: 'stray', text: ']', src: token.src });
      i++;
      continue;
    }
    switch (token.t) {
      case 'open': {
        const node: BracketNode = { t: 'bracket', children: [], tail: [], src: token.src, implicitClose: false, markersInside: false };
        current().push(node);
        stack.push(node);
        i++;
        break;
      }
      case 'close': {
        const node = stack.pop();
        if (!node) {
          problems.push({ code: 'UNMATCHED_CLOSE', src: token.src, message: 'This closing bracket "]" has no opening bracket; it was kept as written. Check where its bracket should open.' });
          current().push({ t: 'stray', text: ']', src: token.src });
          i++;
          break;
        }
        // In a bracket around several paragraphs, a marker before the close names the last paragraph's proponent.
        if (!node.children.some((child) => child.t === 'para' || child.t === 'or')) moveInsideMarkersToTail(node);
        i = collectTail(tokens, i + 1, node, stack.length === 0, problems);
        break;
      }
      case 'text':
        current().push({ t: 'text', text: token.text ?? '', src: token.src });
        i++;
        break;
      case 'strike':
        current().push({ t: 'strike', text: token.text ?? '', src: token.src });
        i++;
        break;
      case 'marker':
        current().push({ t: 'marker', marker: token.marker!, src: token.src });
        i++;
        break;
      case 'foot':
        current().push({ t: 'foot', marker: token.text ?? '', src: token.src });
        i++;
        break;
      case 'break':
        current().push({ t: 'break', footnotes: token.footnotes ?? [], separator: token.separator ?? ' ', src: token.src });
        i++;
        break;
      case 'para':
        current().push({ t: 'para', src: token.src });
        i++;
        break;
      case 'or':
        current().push({ t: 'or', raw: token.text ?? 'OR', src: token.src });
        i++;
        break;
      case 'footnote':
        current().push({ t: 'footnote', note: token.note! });
        i++;
        break;
    }
  }
  // Brackets never closed end with their own paragraph; what follows moves out of them.
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.implicitClose = true;
    problems.push({ code: 'UNMATCHED_OPEN', src: node.src, message: 'This opening bracket "[" is never closed; it was closed at the end of its paragraph. Check where it should close.' });
    const cut = node.children.findIndex((child) => child.t === 'para' || child.t === 'or');
    if (cut < 0) continue;
    const moved = node.children.splice(cut);
    const parent = stack.at(-1)?.children ?? root;
    parent.push(...moved);
  }
  return root;
}

/** `[Considering (+ISR)]`: markers written just inside the closing bracket belong to it. */
function moveInsideMarkersToTail(node: BracketNode): void {
  const inside: TailEntry[] = [];
  let k = node.children.length - 1;
  let pendingSpace = '';
  while (k >= 0) {
    const child = node.children[k]!;
    if (child.t === 'marker') {
      inside.unshift({ t: 'marker', marker: child.marker, space: pendingSpace, src: child.src });
      pendingSpace = '';
      k--;
    } else if (child.t === 'text' && child.text.trim() === '' && inside.length > 0) {
      k--;
    } else break;
  }
  if (inside.length === 0) return;
  // Keep the whitespace before the first marker inside the text it followed.
  node.children.splice(k + 1);
  const last = node.children.at(-1);
  let space = '';
  if (last?.t === 'text') {
    const trimmed = last.text.replace(/\s+$/u, '');
    space = last.text.slice(trimmed.length);
    node.children[node.children.length - 1] = { ...last, text: trimmed };
  }
  const [head, ...rest] = inside;
  if (head) node.tail.push({ ...head, space }, ...rest.map((entry) => ({ ...entry, space: ' ' })));
  node.markersInside = true;
}

/**
 * After `]`: whitespace, markers `(+ISR)`, footnote markers and — at top level — stray
 * closing brackets belong to the bracket just closed. Returns the index of the first
 * token that does not.
 */
function collectTail(tokens: readonly Token[], from: number, node: BracketNode, atTop: boolean, problems: TreeProblem[]): number {
  let i = from;
  let space = '';
  let spaceIndex = -1;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.t === 'text' && /^[ \t]*$/u.test(token.text ?? '') && spaceIndex < 0) {
      space = token.text ?? '';
      spaceIndex = i;
      i++;
      continue;
    }
    if (token.t === 'marker') {
      node.tail.push({ t: 'marker', marker: token.marker!, space, src: token.src });
    } else if (token.t === 'foot') {
      node.tail.push({ t: 'foot', marker: token.text ?? '', space, src: token.src });
    } else if (token.t === 'close' && atTop && followsWithMarker(tokens, i + 1)) {
      problems.push({ code: 'UNMATCHED_CLOSE', src: token.src, message: 'This closing bracket "]" has no opening bracket; the positions after it were attached to the bracket just before it. Check where its bracket should open.' });
      node.tail.push({ t: 'stray', space, src: token.src });
    } else {
      break;
    }
    space = '';
    spaceIndex = -1;
    i++;
  }
  // Whitespace that was not followed by a tail item is ordinary text again.
  return spaceIndex >= 0 ? spaceIndex : i;
}

function followsWithMarker(tokens: readonly Token[], from: number): boolean {
  let i = from;
  while (i < tokens.length && tokens[i]!.t === 'text' && /^[ \t]*$/u.test(tokens[i]!.text ?? '')) i++;
  const next = tokens[i];
  return next !== undefined && (next.t === 'marker' || next.t === 'foot');
}
