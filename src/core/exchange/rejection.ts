/**
 * Why an exchange event cannot be applied. Expected failures come back as values from
 * `tryApplyExchangeEvent`; `applyExchangeEvent` throws them as an {@link ExchangeRejected}.
 */
export type ExchangeRejectionCode =
  /** No such submission — or one the actor may not see: the two are the same answer, word for word. */
  | 'NOT_FOUND'
  | 'DUPLICATE_ID'
  | 'BAD_EVENT'
  | 'BAD_ENVELOPE'
  | 'BAD_BODY'
  | 'UNKNOWN_STATE'
  /** The actor's role or delegation may not do this at all. */
  | 'NOT_ALLOWED'
  /** Only the providing state may do this; the actor may see the submission but not widen or narrow it. */
  | 'NOT_PROVIDER'
  /** The secretariat tried to pass a submission further than the provider allowed. */
  | 'BEYOND_CONSENT'
  /** 2.1.1 c: a deploying state has not permitted the release to someone it would reach. */
  | 'NO_PERMISSION'
  /** 2.1.4 c: personal data is never widened beyond the states named when it was sent. */
  | 'PERSONAL_DATA'
  /** Past its retention limit: the body can no longer be read. */
  | 'EXPIRED'
  /** The request, grant or check was already answered, refused or revoked. */
  | 'NOT_OPEN'
  | 'BAD_REPLY'
  | 'BAD_NO_CHANGE'
  | 'BAD_BASIS';

export interface ExchangeRejection {
  readonly code: ExchangeRejectionCode;
  readonly message: string;
}

export class ExchangeRejected extends RangeError {
  readonly code: ExchangeRejectionCode;
  constructor(rejection: ExchangeRejection) {
    super(rejection.message);
    this.name = 'ExchangeRejected';
    this.code = rejection.code;
  }
}

export function reject(code: ExchangeRejectionCode, message: string): ExchangeRejection {
  return { code, message };
}

/**
 * The one answer for a submission that does not exist or that the actor may not see. It says
 * only what the caller already knew (the id it gave), so the two cases cannot be told apart.
 */
export function notFound(submissionId: string): ExchangeRejection {
  return reject('NOT_FOUND', `There is no submission ${submissionId}.`);
}
