/**
 * Why a catalogue event cannot be applied: a stable code for programs and a message for the
 * person who tried, saying what to do instead.
 */
export type CatalogueRejectionCode =
  | 'UNKNOWN_AREA'
  | 'UNKNOWN_MEASURE'
  | 'NOT_A_MEMBER'
  | 'NOT_OWN_STATE'
  | 'NOT_A_DELEGATE_STEP'
  | 'ALREADY_CANDIDATE'
  | 'ALREADY_IN_OFFICE'
  | 'NOT_VOLUNTEERED'
  | 'NOT_RECOMMENDED'
  | 'COORDINATOR_IN_OFFICE'
  | 'NOT_A_CANDIDATE'
  | 'BAD_DATE'
  | 'DUPLICATE_AREA'
  | 'ALREADY_SELECTED'
  | 'NOT_SELECTED'
  | 'BAD_PARTNERS'
  | 'BAD_PERIOD'
  | 'BAD_VALUE';

export interface CatalogueRejection {
  readonly code: CatalogueRejectionCode;
  readonly message: string;
}

export class CatalogueEventRejected extends RangeError {
  readonly code: CatalogueRejectionCode;
  constructor(rejection: CatalogueRejection) {
    super(rejection.message);
    this.name = 'CatalogueEventRejected';
    this.code = rejection.code;
  }
}

export function rejectCatalogue(code: CatalogueRejectionCode, message: string): CatalogueRejection {
  return { code, message };
}
