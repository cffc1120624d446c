/**
 * Why a viewer may see a submission: the basis one read is logged under, and the grant chain
 * that answers "why can I see this?".
 */
import type { Viewer } from './viewer.ts';
import type { Widening } from './widening.ts';

/** The short form of a basis, as a read event records it. */
export type AccessBasis =
  /** The viewer's state provided it. */
  | { readonly via: 'provider' }
  /** The viewer's state is one of the addressed states. */
  | { readonly via: 'addressed' }
  /** A grant by the provider reaches the viewer (the envelope's secretariat policy is the grant 'envelope'). */
  | { readonly via: 'grant'; readonly grantId: string }
  /** The secretariat passed it to the viewer's state, as the grant `grantId` allowed it to. */
  | { readonly via: 'dissemination'; readonly disseminationId: string; readonly grantId: string };

/** One link of a grant chain: from the provider's sending to the viewer. */
export type GrantLink =
  | {
      readonly step: 'sent';
      readonly registryNumber: string;
      readonly from: string;
      readonly to: readonly string[];
      readonly by: Viewer;
      readonly at: string;
    }
  | {
      readonly step: 'granted';
      readonly grantId: string;
      readonly widening: Widening;
      readonly by: Viewer;
      readonly at: string;
      readonly until: string | null;
      /** The consent request it answered, and the party that asked; null for a grant given unasked. */
      readonly inAnswerTo: { readonly requestId: string; readonly requestedBy: string } | null;
    }
  | { readonly step: 'disseminated'; readonly disseminationId: string; readonly to: readonly string[]; readonly by: Viewer; readonly at: string };

/** A basis with the links that make it, provider first. */
export interface GrantChain {
  readonly basis: AccessBasis;
  readonly links: readonly GrantLink[];
}

export function sameBasis(a: AccessBasis, b: AccessBasis): boolean {
  if (a.via !== b.via) return false;
  if (a.via === 'grant' && b.via === 'grant') return a.grantId === b.grantId;
  if (a.via === 'dissemination' && b.via === 'dissemination') return a.disseminationId === b.disseminationId && a.grantId === b.grantId;
  return true;
}
