/**
 * The keyboard's way to point at words: the paragraph's number and the words as written in
 * it stand for a selection made with the mouse. Screen-reader and keyboard users cannot
 * select inside a text that is not editable, and a delegate reading from a printed copy
 * works this way anyway ("in 2.2.2, replace 'may' with 'shall'").
 */
import type { DocumentState } from '../core/index.ts';
import type { SelectionAnchor } from './selection-anchor.ts';

export type WordsAnchor =
  | { readonly ok: true; readonly anchor: SelectionAnchor }
  | { readonly ok: false; readonly reason: 'no-paragraph' | 'no-words' | 'ambiguous'; readonly count: number };

/**
 * `where: 'on'` anchors the words themselves (to delete or replace them); 'after' anchors
 * the point after them (to insert there). The words must occur exactly once in the
 * paragraph's own text, outside brackets; blanks in `words` match any run of blanks.
 */
export function anchorForWords(state: DocumentState, label: string, words: string, where: 'on' | 'after'): WordsAnchor {
  const wanted = normaliseLabel(label);
  const provisions = state.order.map((id) => state.provisions.get(id)).filter((p) => p !== undefined && p.label !== null && normaliseLabel(p.label) === wanted);
  if (provisions.length === 0 || wanted === '') return { ok: false, reason: 'no-paragraph', count: 0 };
  const pattern = words.trim().split(/\s+/u).filter(Boolean).map(escapeRegExp).join('\\s+');
  if (pattern === '') return { ok: false, reason: 'no-words', count: 0 };
  const found: SelectionAnchor[] = [];
  for (const provision of provisions) {
    for (const match of provision!.text.matchAll(new RegExp(pattern, 'gu'))) {
      const start = match.index;
      const end = start + match[0].length;
      found.push(where === 'on' ? { provisionId: provision!.id, parent: null, start, end, text: match[0] } : { provisionId: provision!.id, parent: null, start: end, end, text: '' });
    }
  }
  if (found.length === 1) return { ok: true, anchor: found[0]! };
  return { ok: false, reason: found.length === 0 ? 'no-words' : 'ambiguous', count: found.length };
}

function normaliseLabel(label: string): string {
  return label.trim().replace(/[.)\s]+$/u, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
