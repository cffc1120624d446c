/**
 * First stage of reading a CICA-style draft: paragraphs, then a tree of brackets built as
 * the characters are read and handed over a paragraph at a time, so that the nodes of what
 * was read can go before the rest are made. Nothing here decides what a bracket means; it
 * only finds where brackets open and close, what is written after each, and where the
 * draft is broken.
 *
 * Recovery rules (each reported as a warning by the caller):
 * - a `]` with nothing open is kept as a stray; when it follows a bracket's tail,
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
  /** The position markers among `tail`, in order: what decides what the bracket means. */
  readonly markers: Marker[];
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
/** The characters that may start something other than text; a native scan finds the next one. */
const STARTS_SOMETHING = /[[\]~(*¹²³⁴⁵⁶⁷⁸⁹⁰]/g;
const MARKER = /\(\s*([+\-−–?]?)\s*([A-Za-z][A-Za-z.'’ ]{0,40}?)\s*(?:,\s*([^()]*?))?\s*\)/uy;
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

interface Joint {
  readonly footnotes: FootnoteText[];
  readonly separator: string;
  readonly src: number;
}

/** Paragraphs joined over page breaks have a joint between each two; most have none, and share one empty list. */
const NO_JOINTS: Joint[] = [];

export type Block =
  | { readonly t: 'content'; readonly parts: Paragraph[]; breaks: Joint[] }
  | { readonly t: 'footnote'; readonly note: FootnoteText }
  | { readonly t: 'or'; readonly raw: string; readonly src: number };

function classify(paragraphs: readonly Paragraph[]): Block[] {
  const blocks: Block[] = [];
  for (let n = 0; n < paragraphs.length; n++) {
    const paragraph = paragraphs[n]!;
    const first = paragraph.text[0] ?? '';
    const footnote = first === '*' || SUPERSCRIPTS.includes(first) ? FOOTNOTE_TEXT.exec(paragraph.text) : null;
    if (footnote?.[1] && footnote[2] !== undefined && !/^\*{2}/u.test(paragraph.text)) {
      blocks.push({ t: 'footnote', note: { marker: footnote[1], text: footnote[2], src: paragraph.src } });
    } else if (paragraph.text.length < 12 && OR_LINE.test(paragraph.text)) {
      blocks.push({ t: 'or', raw: paragraph.text.trim(), src: paragraph.src });
    } else {
      blocks.push({ t: 'content', parts: [paragraph], breaks: NO_JOINTS });
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
    if (block.breaks === NO_JOINTS) block.breaks = [];
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

/** The text run, marker, footnote or paragraph mark the reader hands to the tree, made once as its node. */
type LeafNode = Exclude<TreeNode, BracketNode>;
type TextNode = Extract<TreeNode, { t: 'text' }>;

/**
 * Reads paragraphs character by character and builds the bracket tree as it goes: there is
 * no token list in between, and a run of text is one slice of its paragraph, never a string
 * concatenated piece by piece. (A token array for a 1 MB draft held every token until the
 * tree was built, so each young-generation collection copied all of them.)
 */
class TreeReader {
  /** Top-level nodes not yet handed over. */
  private root: TreeNode[] = [];
  private readonly stack: BracketNode[] = [];
  private overflow = 0;
  /** The bracket just closed, while what follows its `]` may still be its tail. */
  private tailNode: BracketNode | null = null;
  private tailAtTop = false;
  /** Blank text after the `]` (or after the last tail item), not yet known to be tail or text. */
  private tailSpace: TextNode | null = null;
  /** A `]` at top level after a tail: a stray of that tail if a marker follows, else text of its own. */
  private strayClose: { readonly src: number; readonly space: TextNode | null } | null = null;
  private strayCloseSpace: TextNode | null = null;
  private readonly resolved = new Map<string, ReturnType<DelegationRegistry['resolve']>>();

  constructor(
    private readonly registry: DelegationRegistry,
    /** Takes the top-level nodes, in order, once nothing that follows can change them. */
    private readonly take: (nodes: readonly TreeNode[]) => void,
    private readonly starFootnotes: boolean,
    /** UNCLOSED_STRIKE, found while reading characters. */
    private readonly readingProblems: TreeProblem[],
    /** UNMATCHED_OPEN and UNMATCHED_CLOSE, found while building the tree. */
    private readonly treeProblems: TreeProblem[],
  ) {}

  // -------------------------------------------------------------------------------------
  // Characters

  paragraph(s: string, base: number): void {
    const length = s.length;
    let i = 0;
    let stars = 0;
    /** Start of the run of text not yet handed to the tree, or -1. */
    let text = -1;
    while (i < length) {
      const c = s.charCodeAt(i);
      if (c === 91 /* [ */ || c === 93 /* ] */) {
        if (text >= 0) this.text(s, text, i, base);
        text = -1;
        if (c === 91) this.open(base + i);
        else this.close(base + i);
        i++;
      } else if (c === 126 /* ~ */ && s.charCodeAt(i + 1) === 126) {
        const end = s.indexOf('~~', i + 2);
        // A strike-through holds plain words; one spanning brackets is not one.
        if (end > i + 2 && !hasSquareBracket(s, i + 2, end)) {
          if (text >= 0) this.text(s, text, i, base);
          text = -1;
          this.leaf({ t: 'strike', text: s.slice(i + 2, end), src: base + i });
          i = end + 2;
        } else {
          this.readingProblems.push({ code: 'UNCLOSED_STRIKE', src: base + i, message: 'A strike-through mark "~~" is not closed in its paragraph; it was kept as text.' });
          if (text < 0) text = i;
          i += 2;
        }
      } else if (c === 40 /* ( */) {
        const marker = this.readMarker(s, i);
        if (marker) {
          if (text >= 0) this.text(s, text, i, base);
          text = -1;
          this.leaf({ t: 'marker', marker, src: base + i });
          i += marker.raw.length;
        } else {
          if (text < 0) text = i;
          i++;
        }
      } else if (isSuperscript(c) && i > 0) {
        let j = i + 1;
        while (j < length && isSuperscript(s.charCodeAt(j))) j++;
        if (text >= 0) this.text(s, text, i, base);
        text = -1;
        this.leaf({ t: 'foot', marker: s.slice(i, j), src: base + i });
        i = j;
      } else if (c === 42 /* * */) {
        let j = i + 1;
        while (j < length && s.charCodeAt(j) === 42) j++;
        const before = s[i - 1] ?? ' ';
        const after = s[j] ?? ' ';
        // A single star right after a word, not closing an italic span, is a footnote marker.
        if (this.starFootnotes && j === i + 1 && /[\p{L}\p{N})\].]/u.test(before) && /[\s,.;:]/u.test(after) && stars % 2 === 0) {
          if (text >= 0) this.text(s, text, i, base);
          text = -1;
          this.leaf({ t: 'foot', marker: '*', src: base + i });
        } else {
          if (j === i + 1) stars++;
          if (text < 0) text = i;
        }
        i = j;
      } else {
        // A run of characters none of which can start anything: taken in one step.
        if (text < 0) text = i;
        STARTS_SOMETHING.lastIndex = i + 1;
        i = STARTS_SOMETHING.test(s) ? STARTS_SOMETHING.lastIndex - 1 : length;
      }
    }
    if (text >= 0) this.text(s, text, length, base);
  }

  private text(s: string, from: number, to: number, base: number): void {
    this.leaf({ t: 'text', text: s.slice(from, to), src: base + from });
  }

  private readMarker(s: string, at: number): Marker | null {
    MARKER.lastIndex = at;
    const match = MARKER.exec(s);
    // A square bracket inside the parentheses belongs to a proposal of its own, never to a marker:
    // a marker kept as text (a loose one) would put the bracket into a provision, which the fold
    // refuses, and the paragraph would be lost (found by the import fuzz campaign).
    if (!match || match[0].includes('[') || match[0].includes(']')) return null;
    const rawSign = match[1] ?? '';
    const sign = rawSign === '' ? '' : rawSign === '+' ? '+' : rawSign === '?' ? '?' : '-';
    const written = (match[2] ?? '').trim();
    const delegation = this.resolve(written);
    if (sign === '' && !delegation) return null;
    if (sign !== '' && !delegation && (written.split(/\s+/u).length > 3 || !/^[A-Z]/u.test(written))) return null;
    const reason = match[3]?.trim() || null;
    // "(-IND,)": a comma announcing a reason that is not there. Read as a marker it would be
    // written back without the comma; kept as text, nothing is lost and the bracket before it
    // is reported as naming no delegation (found by the import fuzz campaign).
    if (match[3] !== undefined && reason === null) return null;
    return { sign, written, delegation: delegation?.code ?? written, known: delegation !== undefined, reason, raw: match[0] };
  }

  /** The registry's answer, asked once per code as written: drafts repeat the same few codes. */
  private resolve(written: string): ReturnType<DelegationRegistry['resolve']> {
    if (this.resolved.has(written)) return this.resolved.get(written);
    const delegation = this.registry.resolve(written);
    this.resolved.set(written, delegation);
    return delegation;
  }

  // -------------------------------------------------------------------------------------
  // The tree

  private children(): TreeNode[] {
    const top = this.stack.length;
    return top === 0 ? this.root : this.stack[top - 1]!.children;
  }

  leaf(node: LeafNode): void {
    while (this.tailNode !== null) {
      if (this.strayClose !== null) {
        if (this.strayCloseSpace === null && isBlankText(node)) {
          this.strayCloseSpace = node as TextNode;
          return;
        }
        if (node.t !== 'marker' && node.t !== 'foot') {
          this.endAtStrayClose();
          continue;
        }
        // A marker follows: the `]` was a stray of the tail, and the blank after it precedes the marker.
        const { src, space } = this.strayClose;
        this.treeProblems.push({ code: 'UNMATCHED_CLOSE', src, message: 'This closing bracket "]" has no opening bracket; the positions after it were attached to the bracket just before it. Check where its bracket should open.' });
        this.tailNode.tail.push({ t: 'stray', space: space?.text ?? '', src });
        this.tailSpace = this.strayCloseSpace;
        this.strayClose = null;
        this.strayCloseSpace = null;
      }
      if (this.tailSpace === null && isBlankText(node)) {
        this.tailSpace = node as TextNode;
        return;
      }
      if (node.t === 'marker') {
        this.tailNode.tail.push({ t: 'marker', marker: node.marker, space: this.tailSpace?.text ?? '', src: node.src });
        this.tailNode.markers.push(node.marker);
        this.tailSpace = null;
        return;
      }
      if (node.t === 'foot') {
        this.tailNode.tail.push({ t: 'foot', marker: node.marker, space: this.tailSpace?.text ?? '', src: node.src });
        this.tailSpace = null;
        return;
      }
      this.endTail();
    }
    if (this.stack.length > 0) {
      this.stack[this.stack.length - 1]!.children.push(node);
      return;
    }
    this.root.push(node);
    // A paragraph mark at top level, with no bracket open and no tail pending: what came before is final.
    if (node.t === 'para') {
      this.take(this.root);
      this.root = [];
    }
  }

  open(src: number): void {
    while (this.tailNode !== null) {
      if (this.strayClose !== null) this.endAtStrayClose();
      else this.endTail();
    }
    if (this.stack.length >= MAX_NESTING) {
      if (this.overflow === 0) this.treeProblems.push({ code: 'UNMATCHED_OPEN', src, message: `Brackets are nested more than ${MAX_NESTING} deep here; the deeper ones were kept as written text. Check the bracketing.` });
      this.overflow++;
      this.children().push({ t: 'stray', text: '[', src });
      return;
    }
    const node: BracketNode = { t: 'bracket', children: [], tail: [], markers: [], src, implicitClose: false, markersInside: false };
    this.children().push(node);
    this.stack.push(node);
  }

  close(src: number): void {
    while (this.tailNode !== null) {
      if (this.strayClose !== null) {
        this.endAtStrayClose();
      } else if (this.tailAtTop) {
        // Whether this `]` is a stray of the tail depends on what follows it.
        this.strayClose = { src, space: this.tailSpace };
        this.tailSpace = null;
        return;
      } else {
        this.endTail();
      }
    }
    if (this.overflow > 0) {
      this.overflow--;
      this.children().push({ t: 'stray', text: ']', src });
      return;
    }
    const node = this.stack.pop();
    if (!node) {
      this.treeProblems.push({ code: 'UNMATCHED_CLOSE', src, message: 'This closing bracket "]" has no opening bracket; it was kept as written. Check where its bracket should open.' });
      this.children().push({ t: 'stray', text: ']', src });
      return;
    }
    // In a bracket around several paragraphs, a marker before the close names the last paragraph's proponent.
    if (!node.children.some((child) => child.t === 'para' || child.t === 'or')) moveInsideMarkersToTail(node);
    // After `]`: whitespace, markers `(+ISR)`, footnote markers and — at top level — stray
    // closing brackets belong to the bracket just closed.
    this.tailNode = node;
    this.tailAtTop = this.stack.length === 0;
  }

  /** What follows is not the tail's: blank text held back is ordinary text again. */
  private endTail(): void {
    const space = this.tailSpace;
    this.tailNode = null;
    this.tailSpace = null;
    if (space !== null) this.children().push(space);
  }

  /** No marker followed the `]` held back: it, and the blanks around it, are read as they were. */
  private endAtStrayClose(): void {
    const { src, space } = this.strayClose!;
    const after = this.strayCloseSpace;
    this.tailNode = null;
    this.tailSpace = null;
    this.strayClose = null;
    this.strayCloseSpace = null;
    if (space !== null) this.children().push(space);
    this.close(src);
    if (after !== null) this.leaf(after);
  }

  /** Hands over the rest; brackets never closed end with their own paragraph, and what follows moves out of them. */
  finish(): void {
    while (this.tailNode !== null) {
      if (this.strayClose !== null) this.endAtStrayClose();
      else this.endTail();
    }
    const { stack, root } = this;
    while (stack.length > 0) {
      const node = stack.pop()!;
      node.implicitClose = true;
      this.treeProblems.push({ code: 'UNMATCHED_OPEN', src: node.src, message: 'This opening bracket "[" is never closed; it was closed at the end of its paragraph. Check where it should close.' });
      const cut = node.children.findIndex((child) => child.t === 'para' || child.t === 'or');
      if (cut < 0) continue;
      const moved = node.children.splice(cut);
      const parent = stack.at(-1)?.children ?? root;
      parent.push(...moved);
    }
    this.root = [];
    this.take(root);
  }
}

/** A draft cut into paragraphs: what is known before any bracket is read. */
export interface DraftParagraphs {
  readonly blocks: readonly Block[];
  /** Footnote texts by marker, in draft order. */
  readonly footnotes: FootnoteText[];
  /** Paragraphs joined where a page break cut them. */
  readonly problems: TreeProblem[];
}

export function splitDraft(text: string): DraftParagraphs {
  const problems: TreeProblem[] = [];
  const blocks = joinBrokenParagraphs(classify(splitParagraphs(text)), problems);
  const footnotes: FootnoteText[] = [];
  for (let n = 0; n < blocks.length; n++) {
    const block = blocks[n]!;
    if (block.t === 'footnote') footnotes.push(block.note);
    if (block.t === 'content') for (const b of block.breaks) footnotes.push(...b.footnotes);
  }
  return { blocks, footnotes, problems };
}

/**
 * Reads the brackets of a draft, handing its top-level nodes to `take` in order (a
 * paragraph at a time, or more while a bracket stays open); returns every problem found,
 * in the order a reader meets them: joined paragraphs, strike-throughs, then brackets.
 */
export function readTree(draft: DraftParagraphs, registry: DelegationRegistry, take: (nodes: readonly TreeNode[]) => void): TreeProblem[] {
  const { blocks, footnotes } = draft;
  const readingProblems: TreeProblem[] = [];
  const treeProblems: TreeProblem[] = [];
  const reader = new TreeReader(registry, take, footnotes.some((f) => f.marker === '*'), readingProblems, treeProblems);
  let first = true;
  // Indexed: this loop runs once per draft, mostly before the optimiser would drop a `for…of`'s iterator results.
  for (let n = 0; n < blocks.length; n++) {
    const block = blocks[n]!;
    if (block.t === 'footnote') {
      reader.leaf({ t: 'footnote', note: block.note });
      continue;
    }
    if (block.t === 'or') {
      reader.leaf({ t: 'or', raw: block.raw, src: block.src });
      continue;
    }
    if (!first) reader.leaf({ t: 'para', src: block.parts[0]!.src });
    first = false;
    for (let index = 0; index < block.parts.length; index++) {
      const part = block.parts[index]!;
      if (index > 0) {
        const joint = block.breaks[index - 1]!;
        reader.leaf({ t: 'break', footnotes: joint.footnotes, separator: joint.separator, src: joint.src });
      }
      reader.paragraph(part.text, part.src);
    }
  }
  reader.finish();
  return [...draft.problems, ...readingProblems, ...treeProblems];
}

/**
 * Brackets nested deeper than this are kept as written text: no real draft nests that
 * deep, and everything downstream walks the tree recursively.
 */
export const MAX_NESTING = 48;

/** ¹²³⁴⁵⁶⁷⁸⁹⁰ */
function isSuperscript(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

function hasSquareBracket(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === 91 || c === 93) return true;
  }
  return false;
}

/** Text of nothing but spaces and tabs (text runs are never empty). */
function isBlankText(node: LeafNode): boolean {
  if (node.t !== 'text') return false;
  const { text } = node;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
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
  for (const entry of inside) if (entry.t === 'marker') node.markers.push(entry.marker);
  node.markersInside = true;
}
