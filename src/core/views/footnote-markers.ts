/**
 * The marker each statement shows in the text: the one the draft used, or the next free
 * superscript number for statements added since.
 */
import type { DocumentState } from '../model/document-state.ts';

const DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => DIGITS[Number(d)] ?? d)
    .join('');
}

function fromSuperscript(marker: string): number | null {
  let value = 0;
  for (const ch of marker) {
    const digit = DIGITS.indexOf(ch);
    if (digit < 0) return null;
    value = value * 10 + digit;
  }
  return marker === '' ? null : value;
}

export function footnoteMarkers(state: DocumentState): Map<string, string> {
  const markers = new Map<string, string>();
  let highest = 0;
  for (const statement of state.statements.values()) {
    const written = statement.layout.marker;
    if (written === undefined) continue;
    markers.set(statement.id, written);
    highest = Math.max(highest, fromSuperscript(written) ?? 0);
  }
  for (const statement of state.statements.values()) {
    if (!markers.has(statement.id)) markers.set(statement.id, superscript(++highest));
  }
  return markers;
}
