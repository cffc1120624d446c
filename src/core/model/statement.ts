/**
 * A typed, attributed note anchored to a provision or a proposal: what a footnote in a
 * draft usually is. Statements never change the text; views choose whether to show them.
 */
export type StatementKind =
  | 'footnote'
  | 'interpretative'
  | 'reservation'
  | 'chair-note'
  | 'provenance'
  | 'renumbering';

export const STATEMENT_KINDS: readonly StatementKind[] = [
  'footnote',
  'interpretative',
  'reservation',
  'chair-note',
  'provenance',
  'renumbering',
];

export type StatementAnchor =
  | { readonly provisionId: string; readonly proposalId?: undefined; readonly at: number | 'label' | 'end' }
  | { readonly proposalId: string; readonly provisionId?: undefined; readonly at?: number };

export interface StatementLayout {
  /** The marker as the draft wrote it ("⁵", "*"). */
  readonly marker?: string;
  /**
   * Where the footnote's own text stood: after a provision, or inside one where a page
   * broke (`{ provisionId, at }` in that provision's text, or `{ proposalId, at }`).
   */
  readonly placedAfter?: string;
  readonly placedInside?: { readonly provisionId: string; readonly parent: string | null; readonly at: number };
  /** The text already names who made it ("Israel: …"), so renderers must not prefix the name again. */
  readonly attributed?: boolean;
  /** The draft had the footnote text but no marker pointing to it. */
  readonly unreferenced?: boolean;
  /** The draft had the marker but no footnote text. */
  readonly textless?: boolean;
  /** Free-form hints a notation keeps for itself (e.g. how a UN-style note was written). */
  readonly notation?: Readonly<Record<string, unknown>>;
}

export interface Statement {
  readonly id: string;
  readonly kind: StatementKind;
  /** The delegation that made it, 'CHAIR', or null when the draft does not say. */
  readonly by: string | null;
  readonly text: string;
  readonly anchor: StatementAnchor;
  readonly at: string;
  readonly layout: StatementLayout;
}
