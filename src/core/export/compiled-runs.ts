/**
 * One paragraph of a compiled text, as a notation wrote it, cut into styled runs: each
 * bracket and the words in it take the colour of the delegation that owns it, each
 * position marker (`(+ISR)`, `(-Thai, reason)`, `- US; G77 delete`) the colour of its
 * delegation, the chair's `~~deletion~~` becomes struck-through words (the tildes go: the
 * strike-through says it), a footnote marker becomes a reference to its footnote.
 *
 * The notation's writer stays the one author of the text: this reads its output with what
 * the state says may be in it (the delegations' codes as written, the footnote markers), so
 * the Word file shows exactly the words the text export shows. (Teaching both notations'
 * writers to report spans was the alternative; it would put a second concern into the two
 * hottest loops of rendering, for the same result.)
 */
import type { RichRun } from './rich-document.ts';

export interface CompiledRunsContext {
  /** How the text may write a delegation ("Thai", "ISR", "Chair") → its code. */
  readonly codes: ReadonlyMap<string, string>;
  /** Footnote markers ("⁵") → footnote id, for footnotes not yet referenced; a referenced one is removed. */
  readonly footnotes: Map<string, string>;
  /**
   * Markers that are not superscript numbers ("*") → the provision whose paragraph references
   * them: only there is such a character taken for a reference (elsewhere a `*` is a `*`).
   */
  readonly looseMarkers?: ReadonlyMap<string, string>;
  /** The provision of the paragraph being cut. */
  readonly provisionId?: string | null;
  /** The notation writes the chair's deletions between `~~`. */
  readonly tildeStrike: boolean;
  /** The notation writes names inside the bracket (`[words - US; G77 delete]`), not as `(+X)` after it. */
  readonly namesInside: boolean;
}

type Token =
  | { readonly t: 'text' | 'open' | 'close'; readonly text: string; readonly strike: boolean }
  | { readonly t: 'marker'; readonly text: string; readonly strike: boolean; readonly delegation: string }
  | { readonly t: 'note'; readonly text: string; readonly strike: boolean; readonly footnote: string }
  | { readonly t: 'break'; readonly text: string; readonly strike: boolean };

const MARKER = /\(([+\-?]?)([^(),[\]\n]{1,40}?)(?:,[^()\n]*)?\)/uy;
const SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/uy;
const WORD = /[\p{L}][\p{L}0-9.'’-]{0,39}/uy;

export function compiledRuns(paragraph: string, context: CompiledRunsContext): RichRun[] {
  const tokens: Token[] = [];
  const pieces = context.tildeStrike ? strikePieces(paragraph) : [{ text: paragraph, strike: false }];
  for (const piece of pieces) tokenize(piece.text, piece.strike, context, tokens);
  return toRuns(tokens, colourBrackets(tokens));
}

/** `a ~~b~~ c` → a, b (struck), c; an odd `~~` stays as written. */
function strikePieces(text: string): { text: string; strike: boolean }[] {
  const parts = text.split('~~');
  if (parts.length < 3) return [{ text, strike: false }];
  const pieces: { text: string; strike: boolean }[] = [];
  const pairs = Math.floor((parts.length - 1) / 2);
  for (let i = 0; i < parts.length; i++) {
    const struck = i % 2 === 1 && i <= pairs * 2 - 1;
    const unmatched = i > pairs * 2;
    pieces.push({ text: (unmatched ? '~~' : '') + parts[i]!, strike: struck });
  }
  return pieces;
}

function tokenize(text: string, strike: boolean, context: CompiledRunsContext, out: Token[]): void {
  let plain = '';
  let depth = 0;
  const flush = (): void => {
    if (plain !== '') out.push({ t: 'text', text: plain, strike });
    plain = '';
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === '\n') {
      flush();
      out.push({ t: 'break', text: '\n', strike });
      i++;
      continue;
    }
    if (ch === '[' || ch === ']') {
      flush();
      out.push({ t: ch === '[' ? 'open' : 'close', text: ch, strike });
      depth += ch === '[' ? 1 : -1;
      i++;
      continue;
    }
    if (ch === '(') {
      MARKER.lastIndex = i;
      const match = MARKER.exec(text);
      const code = match ? context.codes.get(match[2]!.trim()) : undefined;
      if (match && code !== undefined) {
        flush();
        out.push({ t: 'marker', text: match[0], strike, delegation: code });
        i += match[0].length;
        continue;
      }
    }
    const loose = looseMarkerAt(text, i, context);
    if (loose !== undefined) {
      flush();
      out.push({ t: 'note', text: loose, strike, footnote: context.footnotes.get(loose)! });
      context.footnotes.delete(loose);
      i += loose.length;
      continue;
    }
    SUPERSCRIPT.lastIndex = i;
    const superscript = SUPERSCRIPT.exec(text);
    if (superscript) {
      const footnote = context.footnotes.get(superscript[0]);
      if (footnote !== undefined) {
        flush();
        context.footnotes.delete(superscript[0]);
        out.push({ t: 'note', text: superscript[0], strike, footnote });
      } else plain += superscript[0];
      i += superscript[0].length;
      continue;
    }
    if (context.namesInside && depth > 0 && /[\p{L}]/u.test(ch) && !/[\p{L}0-9]/u.test(text[i - 1] ?? ' ')) {
      WORD.lastIndex = i;
      const word = WORD.exec(text)![0].replace(/[.'’-]+$/u, '');
      const code = context.codes.get(word);
      if (code !== undefined) {
        flush();
        out.push({ t: 'marker', text: word, strike, delegation: code });
        i += word.length;
        continue;
      }
      plain += word;
      i += word.length;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
}

/** A loose marker ("*") at `i`, in its provision's paragraph and not part of a longer run of the same character. */
function looseMarkerAt(text: string, i: number, context: CompiledRunsContext): string | undefined {
  if (context.looseMarkers === undefined || context.looseMarkers.size === 0) return undefined;
  for (const [marker, provisionId] of context.looseMarkers) {
    if (provisionId !== context.provisionId || !context.footnotes.has(marker) || !text.startsWith(marker, i)) continue;
    const last = marker[marker.length - 1];
    if (text[i - 1] === marker[0] || text[i + marker.length] === last) continue;
    return marker;
  }
  return undefined;
}

/**
 * The delegation of each matched bracket pair, by the index of its opening token: the
 * marker right after the closing bracket (`[words] (+ISR)`), else the first marker inside
 * at the pair's own depth (`[words (+ISR)]`, `[words - US]`).
 */
function colourBrackets(tokens: readonly Token[]): Map<number, string> {
  const colours = new Map<number, string>();
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.t === 'open') stack.push(i);
    else if (token.t === 'close' && stack.length > 0) {
      const open = stack.pop()!;
      const owner = markerAfter(tokens, i) ?? markerInside(tokens, open, i);
      if (owner !== undefined) colours.set(open, owner);
      if (owner !== undefined) colours.set(i, owner);
    }
  }
  return colours;
}

function markerAfter(tokens: readonly Token[], close: number): string | undefined {
  for (let k = close + 1; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.t === 'marker') return token.delegation;
    if (token.t === 'note') continue;
    if (token.t !== 'text' || token.text.trim() !== '') return undefined;
  }
  return undefined;
}

function markerInside(tokens: readonly Token[], open: number, close: number): string | undefined {
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    const token = tokens[k]!;
    if (token.t === 'open') depth++;
    else if (token.t === 'close') depth--;
    else if (token.t === 'marker' && depth === 0) return token.delegation;
  }
  return undefined;
}

/** Tokens → runs: the innermost coloured bracket colours what it holds; markers keep their own colour. */
function toRuns(tokens: readonly Token[], colours: ReadonlyMap<number, string>): RichRun[] {
  const runs: RichRun[] = [];
  const stack: (string | undefined)[] = [];
  const push = (run: RichRun): void => {
    const last = runs.at(-1);
    if (last && !last.lineBreak && !run.lineBreak && last.footnote === undefined && run.footnote === undefined && last.delegation === run.delegation && Boolean(last.strike) === Boolean(run.strike)) {
      runs[runs.length - 1] = { ...last, text: last.text + run.text };
    } else runs.push(run);
  };
  const style = (delegation: string | undefined, strike: boolean): Omit<RichRun, 'text'> => ({
    ...(delegation !== undefined ? { delegation } : {}),
    ...(strike ? { strike: true } : {}),
  });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const inner = [...stack].reverse().find((c) => c !== undefined);
    switch (token.t) {
      case 'open': {
        const own = colours.get(i);
        stack.push(own);
        push({ text: '[', ...style(own ?? inner, token.strike) });
        break;
      }
      case 'close': {
        const own = stack.length > 0 ? stack.pop() : undefined;
        push({ text: ']', ...style(colours.get(i) ?? own ?? [...stack].reverse().find((c) => c !== undefined), token.strike) });
        break;
      }
      case 'marker':
        push({ text: token.text, ...style(token.delegation, token.strike) });
        break;
      case 'note':
        push({ text: token.text, footnote: token.footnote, ...style(undefined, token.strike) });
        break;
      case 'break':
        push({ text: '', lineBreak: true });
        break;
      default:
        push({ text: token.text, ...style(inner, token.strike) });
    }
  }
  return runs;
}
