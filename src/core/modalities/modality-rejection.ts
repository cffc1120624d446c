/** Why a modality event does not apply: a stable code and a message that says what to do. */
export type ModalityRejectionCode =
  | 'WRONG_MODALITY'
  | 'OUT_OF_ORDER'
  | 'WRONG_ACTOR'
  | 'NOT_A_MEMBER'
  | 'ALREADY_DONE'
  | 'NOT_INTERESTED'
  | 'NOT_COORDINATOR'
  | 'BAD_DATE'
  | 'BEFORE_LAST_EVENT'
  | 'BAD_VALUE'
  | 'SILENCE_OVER'
  | 'SILENCE_RUNNING';

export interface ModalityRejection {
  readonly code: ModalityRejectionCode;
  readonly message: string;
}

export class ModalityEventRejected extends RangeError {
  readonly code: ModalityRejectionCode;
  constructor(rejection: ModalityRejection) {
    super(rejection.message);
    this.name = 'ModalityEventRejected';
    this.code = rejection.code;
  }
}

export function rejectModality(code: ModalityRejectionCode, message: string): ModalityRejection {
  return { code, message };
}
