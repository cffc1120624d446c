/**
 * A delegation's stance on a proposal, kept apart from who authored it.
 * `proposes` marks the author and co-sponsors; `supports` joins later; `objects` is a
 * bracket that the delegation keeps open; `reserves` is a reservation (study, consult capital).
 */
export type Stance = 'proposes' | 'supports' | 'objects' | 'reserves';

export const STANCES: readonly Stance[] = ['proposes', 'supports', 'objects', 'reserves'];

export interface Position {
  readonly proposalId: string;
  readonly delegation: string;
  readonly stance: Stance;
  readonly reason: string | null;
  readonly at: string;
}

/** A stance that counts for the proposal. */
export function isFor(stance: Stance): boolean {
  return stance === 'proposes' || stance === 'supports';
}
