/** A numbered revision (Rev.1, Rev.2 …): the document as it stood at `version`. */
export interface Revision {
  readonly number: number;
  readonly label: string;
  /** Number of events folded when the revision was issued; the revision is `fold(events.slice(0, version))`. */
  readonly version: number;
  readonly at: string;
}
