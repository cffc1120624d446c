/**
 * How a UN-style draft wrote what the model holds, kept in the free-form `notation` field
 * of layouts so that rendering an imported draft gives back its text. Hints carry `un: 1`;
 * the writer ignores hints it did not write.
 *
 * Attributions are kept as written together with `sig`, the positions they stated. The
 * writer reuses the written form only while the positions are still exactly those; once a
 * delegation has moved, the attribution is written afresh.
 */
import type { Stance } from '../../model/position.ts';
import type { ProposalLayout } from '../../model/proposal.ts';
import type { ProvisionLayout } from '../../model/provision.ts';

/** An outer bracket that only adds reactions: `[[extreme - US] - G77 delete]`. */
export interface WrapHint {
  readonly attr: string;
  readonly tail: string;
  readonly implicitClose?: boolean;
}

export type OptionPlace = 'after-label' | 'before-label' | 'alone';

export interface OptionHint {
  /** "Option 1:", "Option 2 (G77):", "Option A." */
  readonly header: string;
  /** `OP7 Option 1: …`, `Option 1: OP7 …`, or the header on its own line. */
  readonly place: OptionPlace;
  /** What separated the header from the words. */
  readonly space: string;
}

export interface UnProposalHints {
  readonly un: 1;
  /** The attribution inside the bracket, with the blanks and dash before it: " - US; G77 delete". */
  readonly attr?: string;
  /** Parenthesised attributions after the bracket: " (G77) (EU, CANZ: delete)". */
  readonly tail?: string;
  /** The positions the written attributions state: "EU=objects|G77=proposes". */
  readonly sig?: string;
  /** Delegation code → name as the draft wrote it ("USA" → "US"). */
  readonly names?: Readonly<Record<string, string>>;
  readonly wraps?: readonly WrapHint[];
  /** This alternative follows the previous one: in the same bracket after `sep` (" / "), or as the next bracket. */
  readonly join?: 'slash' | 'adjacent';
  readonly sep?: string;
  /** Words-less alternatives written before this one inside its bracket (`[ / B - US]`). */
  readonly lead?: string;
  /** A words-less bracket written right after this one (`[shall][]`), as written. */
  readonly after?: string;
  /** Written as two adjacent brackets: `[old - X delete][new - X]`. */
  readonly form?: 'replace';
  readonly oldAttr?: string;
  readonly oldTail?: string;
  readonly option?: OptionHint;
  /** An option whose words stood in brackets: `Option 2: [Decides … - US]`. */
  readonly bracketed?: boolean;
  /** A "no text" option written just before or after this one, as written. */
  readonly noTextBefore?: string;
  readonly noTextAfter?: string;
  readonly placeholder?: boolean;
  /** Insertions written inside this deletion's bracket at its start or end (views place them outside). */
  readonly edges?: readonly string[];
  /** Stray characters written in this proposal's words right after an insertion at their point. */
  readonly late?: readonly LateStray[];
}

/** Stray characters written right after the insertion `after`, at the same point of the text. */
export interface LateStray {
  readonly at: number;
  readonly text: string;
  readonly after: string;
}

/** A tag or note after a paragraph: on a line of its own (`own`), and after the brackets closing there (`outside`). */
export type TrailerHint =
  | { readonly t: 'tag'; readonly raw: string; readonly space: string; readonly own?: boolean; readonly outside?: boolean }
  | { readonly t: 'note'; readonly statementId: string; readonly raw: string; readonly space: string; readonly own?: boolean; readonly outside?: boolean };

export interface UnProvisionHints {
  readonly un: 1;
  /** Status tags and notes written after the paragraph, in order; `own` starts a line of its own. */
  readonly trailer?: readonly TrailerHint[];
  /** Stray characters written right after an insertion at their point. */
  readonly late?: readonly LateStray[];
}

export function proposalHints(layout: ProposalLayout): UnProposalHints | null {
  const hints = layout.notation;
  return hints !== undefined && hints['un'] === 1 ? (hints as unknown as UnProposalHints) : null;
}

export function provisionHints(layout: ProvisionLayout): UnProvisionHints | null {
  const hints = layout.notation;
  return hints !== undefined && hints['un'] === 1 ? (hints as unknown as UnProvisionHints) : null;
}

/** The positions an attribution states, in a form that compares: "EU=objects|G77=proposes". */
export function signature(stances: ReadonlyMap<string, Stance>): string {
  return [...stances]
    .map(([delegation, stance]) => `${delegation}=${stance}`)
    .sort()
    .join('|');
}
