/**
 * Alternatives of which at most one stands: the `OR` between paragraphs, "Option 1 /
 * Option 2", `[shall][should]`. A member is an open proposal, the status quo provisions
 * it would replace, or — when `allowsNoText` — nothing at all.
 */
export type OptionRef =
  | { readonly t: 'proposal'; readonly id: string }
  | { readonly t: 'provision'; readonly id: string };

export interface OptionSet {
  readonly id: string;
  readonly members: readonly OptionRef[];
  readonly allowsNoText: boolean;
  readonly status: 'open' | 'settled';
}
