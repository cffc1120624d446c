/**
 * A provision is one unit of the negotiated text: a heading, a numbered paragraph, a
 * sub-item, a preamble clause, a table, or free text (letterheads, closing formulas).
 *
 * Its `id` is stable for life; its `label` is the number as negotiators see it
 * ("2.2.1", "2.2.x", "2.5.12(a)", "a") and may change or be provisional. Renumbering
 * happens at adoption only, so nothing may refer to a provision by its label.
 */
export type ProvisionKind = 'heading' | 'paragraph' | 'sub-item' | 'preamble' | 'table' | 'free-text';

export const PROVISION_KINDS: readonly ProvisionKind[] = ['heading', 'paragraph', 'sub-item', 'preamble', 'table', 'free-text'];

/** open → agreed ad referendum → adopted. */
export type AgreementStatus = 'open' | 'agreed-ad-ref' | 'adopted';

/**
 * A case toggle left by editing: `wWidening` or `R[r]educing`. The text holds the
 * letter once; which case it takes in a clean view follows from the sentence around it,
 * and `form` remembers how the draft wrote it so the draft's own notation can give it back.
 */
export interface CaseToggle {
  /** Offset of the toggled letter in the container's text. */
  readonly at: number;
  /** `lower-upper` = "wW"; `upper-bracketed-lower` = "R[r]"; `lower-in-previous-bracket` = "p]P". */
  readonly form: 'lower-upper' | 'upper-bracketed-lower' | 'lower-in-previous-bracket';
}

/** How a draft wrote a provision, kept so that its own notation renders it back unchanged. */
export interface ProvisionLayout {
  /** Text before the label, e.g. "- " for a bulleted sub-item. */
  readonly prefix?: string;
  /** The label as written, e.g. "2.3.3." or "a)"; absent when it equals `label`. */
  readonly labelRaw?: string;
  /** The label was written inside its own brackets: "[2.2.x] Strengthening …". */
  readonly labelBracketed?: boolean;
  /** What separated label and text, when not a single space. */
  readonly afterLabel?: string;
  /** Stray closing brackets in the text, kept where the draft had them. */
  readonly strays?: readonly { readonly at: number; readonly text: string }[];
  /** Free-form hints a notation keeps for itself (e.g. UN-style status tags and notes after the paragraph). */
  readonly notation?: Readonly<Record<string, unknown>>;
}

export interface Provision {
  readonly id: string;
  readonly kind: ProvisionKind;
  readonly label: string | null;
  /** The status quo text (without the label). Proposed words live in proposals, not here. */
  readonly text: string;
  readonly status: AgreementStatus;
  /**
   * Set while the provision exists only because an open proposal puts it forward
   * (a new paragraph); cleared when that proposal is accepted.
   */
  readonly proposedBy: string | null;
  readonly toggles: readonly CaseToggle[];
  readonly layout: ProvisionLayout;
}
