/** What every screen of the catalogue shares: who acts, the member states' names, and the data loaded once. */
import { createContext, useContext } from 'react';
import type { DelegationBody } from '../api.ts';
import type { CatalogueBody, CoordinationBody, SelectionsBody } from './catalogue-api.ts';

export interface CatalogueData {
  readonly organisationId: string;
  /** The caller's delegation when a delegate; null otherwise. */
  readonly delegation: string | null;
  readonly isSecretariat: boolean;
  readonly isChair: boolean;
  readonly catalogue: CatalogueBody;
  readonly coordination: CoordinationBody;
  readonly selections: SelectionsBody;
  readonly delegations: readonly DelegationBody[];
  /** "Kazakhstan (KAZ)" in the reader's language where the server has it. */
  readonly stateName: (code: string) => string;
  readonly setCoordination: (next: CoordinationBody) => void;
  readonly setSelections: (next: SelectionsBody) => void;
}

export const CatalogueDataContext = createContext<CatalogueData | null>(null);

export function useCatalogueData(): CatalogueData {
  const data = useContext(CatalogueDataContext);
  if (!data) throw new Error('useCatalogueData outside the catalogue screens');
  return data;
}
