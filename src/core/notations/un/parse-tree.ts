/**
 * First stage of reading a UN compilation text: paragraphs, then tokens, then a tree of
 * brackets, each with the parenthesised attributions written right after it
 * (`[and commitments] (G77) (EU, CANZ, Russia, US: delete)`). Nothing here decides what
 * a bracket means.
 *
 * Paragraphs end at blank lines and also where a line starts with a label (`PP2bis`,
 * `OP3`, `12.`, `(a)`), an `Option 2:` header or a status tag, so that drafts with one
 * paragraph per line read as well as drafts with blank lines between paragraphs.
 *
 * Recovery (each reported by the caller): a `]` with nothing open is kept as a stray; a
 * `[` never closed is closed at the end of its own paragraph; brackets nested deeper than
 * {@link MAX_DEPTH} are kept as stray characters.
 */
import type { DelegationRegistry } from '../../delegations/index.ts';
import { leadingParenAttributions, type NameEntry } from './attribution.ts';
import { parseUnLabel, startsParagraph } from './labels.ts';

export interface TextNode {
  readonly t: 'text';
  readonly text: string;
  readonly src: number;
}

export interface BracketNode {
  readonly t: 'bracket';
  readonly children: TreeNode[];
  readonly src: number;
  /** Nothing but blanks, a label or an option header comes before it in its paragraph. */
  readonly opensParagraph: boolean;
  /** The draft never closed this bracket; it was closed at the end of its paragraph. */
  implicitClose: boolean;
  /** Parenthesised attributions after the bracket, as written, with the blanks before them. */
  tail: string;
  tailSrc: number;
  /** The names in `tail`; offsets are into `tail`. */
  tailEntries: NameEntry[];
}

/** Characters that could not be read as brackets: a `]` without `[`, or nesting too deep. */
export interface StrayNode {
  readonly t: 'stray';
  readonly text: string;
  readonly src: number;
}

export interface ParaNode {
  readonly t: 'para';
  readonly src: number;
}

export type TreeNode = TextNode | BracketNode | StrayNode | ParaNode;

export interface TreeProblem {
  readonly code: 'UNMATCHED_OPEN' | 'UNMATCHED_CLOSE' | 'NESTING_TOO_DEEP';
  readonly src: number;
  readonly message: string;
}

/** Deeper nesting than this is no draft a person wrote; the extra brackets are kept as characters. */
export const MAX_DEPTH = 64;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Paragraph spans of `text`: split at blank lines and at lines that start a new unit. */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let current: { start: number; end: number } | null = null;
  let at = 0;
  while (at <= text.length) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(at, lineEnd).replace(/\r$/u, '');
    if (line.trim() === '') {
      if (current) spans.push(current);
      current = null;
    } else {
      const end = at + line.length;
      if (current && startsParagraph(line)) {
        spans.push(current);
        current = null;
      }
      if (current) current.end = end;
      else current = { start: at, end };
    }
    if (newline < 0) break;
    at = newline + 1;
  }
  if (current) spans.push(current);
  return spans;
}

interface Token {
  t: 'text' | 'open' | 'close' | 'para';
  src: number;
  text: string;
  /** For `open`: the bracket starts its paragraph (see {@link BracketNode.opensParagraph}). */
  first?: boolean;
}

const OPTION_HEADER = /^(?:Option|Alternative|Alt\.?)[ \t]+\w{1,3}[ \t]*(?:\([^()]*\))?[ \t]*[:.]?/u;

/** Whether the words before a `[` in its paragraph leave it at the paragraph's start. */
function startsAfter(before: string): boolean {
  let rest = before.replace(/^[\s[]+/u, '');
  const label = parseUnLabel(rest);
  if (label) rest = rest.slice(label.raw.length).replace(/^[\s[]+/u, '');
  const header = OPTION_HEADER.exec(rest);
  if (header) rest = rest.slice(header[0].length);
  return rest.replace(/^[\s[]+/u, '') === '';
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  splitParagraphs(text).forEach((span, index) => {
    if (index > 0) tokens.push({ t: 'para', src: span.start, text: '' });
    let from = span.start;
    // Whether the paragraph's brackets so far open it; once words came before one, none later does.
    let opening: boolean | null = null;
    let lastOpen = span.start;
    for (let i = span.start; i < span.end; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== 91 && ch !== 93) continue;
      if (i > from) tokens.push({ t: 'text', src: from, text: text.slice(from, i) });
      if (ch === 91) {
        if (opening === null) opening = startsAfter(text.slice(span.start, i));
        else if (opening) opening = /^[\s[]*$/u.test(text.slice(lastOpen + 1, i));
        tokens.push({ t: 'open', src: i, text: '[', first: opening });
        lastOpen = i;
      } else {
        tokens.push({ t: 'close', src: i, text: ']' });
      }
      from = i + 1;
    }
    if (span.end > from) tokens.push({ t: 'text', src: from, text: text.slice(from, span.end) });
  });
  return tokens;
}

export interface ParsedTree {
  readonly nodes: TreeNode[];
  readonly problems: TreeProblem[];
}

export function parseTree(text: string, registry: DelegationRegistry): ParsedTree {
  const tokens = tokenize(text);
  const problems: TreeProblem[] = [];
  const root: TreeNode[] = [];
  const stack: BracketNode[] = [];
  const current = (): TreeNode[] => stack.at(-1)?.children ?? root;
  let overflow = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.t === 'open') {
      if (stack.length >= MAX_DEPTH) {
        if (overflow === 0) {
          problems.push({ code: 'NESTING_TOO_DEEP', src: token.src, message: `Brackets are nested more than ${MAX_DEPTH} deep here; the deeper ones were kept as plain characters. Check the brackets of this paragraph.` });
        }
        overflow++;
        current().push({ t: 'stray', text: '[', src: token.src });
      } else {
        const node: BracketNode = { t: 'bracket', children: [], src: token.src, opensParagraph: token.first === true, implicitClose: false, tail: '', tailSrc: token.src, tailEntries: [] };
        current().push(node);
        stack.push(node);
      }
      i++;
    } else if (token.t === 'close') {
      if (overflow > 0) {
        overflow--;
        current().push({ t: 'stray', text: ']', src: token.src });
        i++;
        continue;
      }
      const node = stack.pop();
      if (!node) {
        problems.push({ code: 'UNMATCHED_CLOSE', src: token.src, message: 'This closing bracket "]" has no opening bracket; it was kept as written. Check where its bracket should open.' });
        current().push({ t: 'stray', text: ']', src: token.src });
        i++;
        continue;
      }
      i = collectTail(tokens, i + 1, node, registry);
    } else if (token.t === 'text') {
      if (token.text !== '') current().push({ t: 'text', text: token.text, src: token.src });
      i++;
    } else {
      // Only a bracket that opens its paragraph may hold several; one opened mid-paragraph was left unclosed.
      while (stack.length > 0 && !stack.at(-1)!.opensParagraph) unclosed(stack.pop()!, problems);
      current().push({ t: 'para', src: token.src });
      i++;
    }
  }
  // Brackets never closed end with their own paragraph; what follows moves out of them.
  while (stack.length > 0) {
    const node = stack.pop()!;
    unclosed(node, problems);
    const cut = node.children.findIndex((child) => child.t === 'para');
    if (cut < 0) continue;
    const moved = node.children.splice(cut);
    (stack.at(-1)?.children ?? root).push(...moved);
  }
  return { nodes: root, problems };
}

function unclosed(node: BracketNode, problems: TreeProblem[]): void {
  node.implicitClose = true;
  problems.push({ code: 'UNMATCHED_OPEN', src: node.src, message: 'This opening bracket "[" is never closed; it was closed at the end of its paragraph. Check where it should close.' });
}

/**
 * After `]`: parenthesised attributions belong to the bracket just closed — on the same
 * line, on the next lines, or alone in the paragraph that follows. Returns the index of
 * the first token that does not belong to it.
 */
function collectTail(tokens: Token[], from: number, node: BracketNode, registry: DelegationRegistry): number {
  const next = tokens[from];
  if (next?.t === 'text') {
    const found = leadingParenAttributions(next.text, registry);
    if (found === null) return from;
    node.tail = next.text.slice(0, found.length);
    node.tailSrc = next.src;
    node.tailEntries = found.entries;
    next.text = next.text.slice(found.length);
    next.src += found.length;
    return next.text === '' ? from + 1 : from;
  }
  const alone = tokens[from + 1];
  const after = tokens[from + 2];
  if (next?.t === 'para' && alone?.t === 'text' && (after === undefined || after.t === 'para')) {
    const found = leadingParenAttributions(alone.text, registry);
    if (found === null || alone.text.slice(found.length).trim() !== '') return from;
    const gap = '\n\n';
    node.tail = gap + alone.text;
    node.tailSrc = alone.src - gap.length;
    node.tailEntries = found.entries.map((entry) => ({ ...entry, offset: entry.offset + gap.length }));
    return from + 2;
  }
  return from;
}
