/**
 * Paragraph labels as UN compilation texts write them. On top of the shared
 * {@link parseLabel} ("2.bis", "PP2ter", "OP3", "(a)") this knows the spaced forms
 * ("PP 2", "PP2 bis", "19 ter", "OP5 alt"), lower-case roman sub-items ("(iv)") and
 * upper-case roman headings ("II."), and which lines start a new paragraph even when no
 * blank line separates them.
 */
import { parseLabel, type ParsedLabel } from '../../text/labels.ts';

const LATIN = '(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt)';
const SPACED_UN = new RegExp(`^(PP|OP)\\.?[ \\t]?(\\d{1,3})(?:[ \\t]?(${LATIN}|[a-z]\\b))?\\.?(?=[\\s:\\]]|$)`, 'u');
const SPACED_DECIMAL = new RegExp(`^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?[ \\t]?(${LATIN})\\.?(?=[\\s\\]]|$)`, 'u');
const ROMAN_LOWER = /^\(([ivx]{1,6})\)(?=\s|$)/u;
const ROMAN_UPPER = /^([IVX]{1,6})\.(?=\s)/u;

/** The label at the start of `text`, or null. `label` is normalised ("PP2bis" for "PP2 bis"). */
export function parseUnLabel(text: string): ParsedLabel | null {
  const main = mainLabel(text);
  if (main === null || main.style === 'letter' || main.style === 'upper') return main;
  // "OP1 (a)", "12 (b)": a sub-item of a numbered paragraph.
  const sub = SUB_ITEM.exec(text.slice(main.raw.length));
  if (sub?.[1] === undefined) return main;
  return { label: `${main.label}(${sub[1]})`, raw: main.raw + sub[0], style: 'letter', depth: main.depth };
}

const SUB_ITEM = /^[ \t]?\(([a-z]|[ivx]{1,5})\)(?=\s|$)/u;

function mainLabel(text: string): ParsedLabel | null {
  const un = SPACED_UN.exec(text);
  if (un?.[1] !== undefined && un[2] !== undefined) {
    return { label: `${un[1]}${un[2]}${un[3] ?? ''}`, raw: un[0], style: un[1] === 'PP' ? 'preambular' : 'operative', depth: 0 };
  }
  const spaced = SPACED_DECIMAL.exec(text);
  if (spaced?.[1] !== undefined && spaced[2] !== undefined) {
    return { label: `${spaced[1]}.${spaced[2]}`, raw: spaced[0], style: 'decimal', depth: spaced[1].split('.').length };
  }
  const roman = ROMAN_LOWER.exec(text);
  if (roman?.[1] !== undefined && roman[1].length > 1) return { label: roman[1], raw: roman[0], style: 'letter', depth: 0 };
  const upper = ROMAN_UPPER.exec(text);
  if (upper?.[1] !== undefined && upper[1].length > 1) return { label: upper[1], raw: upper[0], style: 'upper', depth: 0 };
  return parseLabel(text);
}

const OPTION_START = /^(?:Option|Alternative|Alt\.?)[ \t]+[0-9A-Z]{1,3}\b/u;
const TRAILER_START = /^[[(]\s*(?:agreed|adopted|ad\s+ref|note\b|[\p{L}'’ -]{0,40}\bnote\b)/iu;

/**
 * Whether a line (after its indentation) starts a new paragraph although no blank line
 * comes before it: a label, possibly inside an opening bracket, an `Option 2:` header, a
 * status tag or note on its own, or a `{Placeholder}`.
 */
export function startsParagraph(line: string): boolean {
  const text = line.replace(/^[ \t]+/u, '');
  if (OPTION_START.test(text) || TRAILER_START.test(text) || text.startsWith('{')) return true;
  const unbracketed = text.replace(/^(?:\[[ \t]*)+/u, '');
  const label = parseUnLabel(unbracketed);
  if (label === null) return false;
  // A bare "a)" or "A." could start an ordinary sentence; only take letters in their usual list forms.
  if (label.style === 'upper' && label.raw.length === 2 && !/^[A-H]\.[ \t]+\p{Lu}/u.test(unbracketed)) return false;
  return true;
}

/** "PP2 bis" and "PP2bis", "2.3." and "2.3" are the same number. */
export function labelKey(label: string): string {
  return label.replace(/\s+/gu, '').replace(/\.$/u, '');
}
