/**
 * Provision labels as drafts write them: "1.", "2.1.1", "2.3.3.", "2.2.x", "2.bis",
 * "2.5.12(a)", "a)", "(b)", "A.", "PP2ter", "OP3".
 */
import type { ProvisionLayout } from '../model/provision.ts';

export interface ParsedLabel {
  /** Normalised label ("2.3.3" for "2.3.3."), used for numbering checks. */
  readonly label: string;
  /** Exactly as written. */
  readonly raw: string;
  readonly style: 'decimal' | 'letter' | 'upper' | 'preambular' | 'operative';
  /** Number of decimal levels (1 for "2.", 3 for "2.1.1"); 0 for other styles. */
  readonly depth: number;
}

const SUFFIX = '(?:x|bis|ter|quater|quinquies)';
const DECIMAL = new RegExp(`^(\\d{1,3}(?:\\.(?:\\d{1,3}|${SUFFIX}))*)((?:\\([a-z]\\))?)(\\.?)(?=[\\s¹²³⁴⁵⁶⁷⁸⁹⁰*\\]]|$)`, 'u');
const LETTER = /^(\(?)([a-z])\)(?=\s|$)/u;
const UPPER = /^([A-Z])\.(?=\s)/u;
const UN = new RegExp(`^(PP|OP)(\\d{1,3}${SUFFIX}?)(?=[\\s.:]|$)`, 'u');

export function parseLabel(text: string): ParsedLabel | null {
  const un = UN.exec(text);
  if (un) return { label: un[0], raw: un[0], style: un[1] === 'PP' ? 'preambular' : 'operative', depth: 0 };
  const decimal = DECIMAL.exec(text);
  if (decimal && decimal[1] !== undefined) {
    const base = decimal[1];
    // A bare number with neither dot nor sub-level is a year or a count, not a label.
    if (!base.includes('.') && decimal[3] !== '.' && decimal[2] === '') return null;
    return {
      label: base + (decimal[2] ?? ''),
      raw: decimal[0],
      style: 'decimal',
      depth: countDots(base) + 1,
    };
  }
  const letter = LETTER.exec(text);
  if (letter && letter[2] !== undefined) return { label: letter[2], raw: letter[0], style: 'letter', depth: 0 };
  const upper = UPPER.exec(text);
  if (upper && upper[1] !== undefined) return { label: upper[1], raw: upper[0], style: 'upper', depth: 0 };
  return null;
}

function countDots(text: string): number {
  let dots = 0;
  for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', at + 1)) dots++;
  return dots;
}

/** "2.3.3" and "2.3.3." are the same number. */
export function normalizeLabel(label: string): string {
  return label.replace(/\.$/u, '');
}

/** How a paragraph's first words split into a bullet prefix, a label, and the space after it. */
export interface LeadingLabel {
  readonly prefix: string;
  readonly label: ParsedLabel | null;
  readonly afterLabel: string;
  /** What follows: after the label and its space, or after the prefix when there is no label. */
  readonly rest: string;
}

export function splitLeadingLabel(text: string, parse: (text: string) => ParsedLabel | null, prefixPattern: RegExp, spacePattern: RegExp): LeadingLabel {
  const prefix = prefixPattern.exec(text)?.[0] ?? '';
  const afterPrefix = text.slice(prefix.length);
  const label = parse(afterPrefix);
  if (!label) return { prefix, label: null, afterLabel: '', rest: afterPrefix };
  const afterRaw = afterPrefix.slice(label.raw.length);
  const afterLabel = spacePattern.exec(afterRaw)?.[0] ?? '';
  return { prefix, label, afterLabel, rest: afterRaw.slice(afterLabel.length) };
}

/** The layout a label leaves: only what differs from "label, one space, text". */
export function labelLayout(prefix: string, label: ParsedLabel | null, afterLabel: string): ProvisionLayout {
  // Key by key rather than by spreading optional parts: this runs for every paragraph.
  const layout: { -readonly [K in keyof ProvisionLayout]: ProvisionLayout[K] } = {};
  if (prefix !== '') layout.prefix = prefix;
  if (label && label.raw !== label.label) layout.labelRaw = label.raw;
  if (label && afterLabel !== ' ') layout.afterLabel = afterLabel;
  return layout;
}
