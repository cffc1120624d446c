/**
 * Why an event cannot be applied. Expected failures come back as values from
 * `tryApplyEvent`; `applyEvent` throws them as an {@link EventRejected}.
 */
export type RejectionCode =
  | 'UNKNOWN_PROVISION'
  | 'UNKNOWN_PROPOSAL'
  | 'UNKNOWN_OPTION'
  | 'DUPLICATE_ID'
  | 'NOT_OPEN'
  | 'BAD_RANGE'
  | 'OVERLAP'
  | 'BAD_TEXT'
  | 'BAD_KIND'
  | 'NO_DOCUMENT'
  | 'BAD_REVISION'
  | 'BAD_LANGUAGE'
  | 'NOT_TRANSLATED'
  | 'STALE_ORIGINAL';

export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
}

export class EventRejected extends RangeError {
  readonly code: RejectionCode;
  constructor(rejection: Rejection) {
    super(rejection.message);
    this.name = 'EventRejected';
    this.code = rejection.code;
  }
}

export function reject(code: RejectionCode, message: string): Rejection {
  return { code, message };
}
