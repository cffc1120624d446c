/**
 * Which view of a document to produce. All are rendered from the same state.
 * - compiled: the negotiating text with every open proposal in brackets;
 * - agreed: what stands if every open question falls back to the status quo;
 * - as: every proposal resolved the way `delegation` asked.
 */
export type ViewSpec =
  | { readonly kind: 'compiled' }
  | { readonly kind: 'agreed' }
  | { readonly kind: 'as'; readonly delegation: string };

/**
 * Parses "compiled", "agreed" or "as:X"; null when the string is none of them. X is kept as
 * written ("as:Thai"): the renderer resolves it through the delegation registry.
 */
export function parseViewSpec(text: string): ViewSpec | null {
  if (text === 'compiled' || text === 'agreed') return { kind: text };
  const match = /^as:([\p{L}0-9][\p{L}0-9 .'’-]{1,40})$/u.exec(text);
  return match?.[1] ? { kind: 'as', delegation: match[1] } : null;
}
