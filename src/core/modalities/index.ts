/**
 * Section 3's modalities A and B as state machines: dated steps with who acts, validated
 * fully before they change a process; the silence procedure; what is due next.
 */
export type { ModalityActorRole, ModalityActor, ModalityEvent, ModalityEventType } from './modality-event.ts';
export { startProcess, type Modality, type ModalityProcess, type ModalityStage, type SilenceProcedure } from './modality-process.ts';
export { ModalityEventRejected, type ModalityRejection, type ModalityRejectionCode } from './modality-rejection.ts';
export { MODALITY_TRANSITIONS, type ModalityTransition } from './transitions.ts';
export { applyModalityEvent, applyModalityEventOrThrow, checkModalityEvent, type ModalityResult } from './apply-modality-event.ts';
export { silenceOutcome, type SilenceOutcome } from './silence.ts';
export { dueSteps, type DueStep } from './due-steps.ts';
export {
  checkModalityRegisterEvent,
  emptyModalityRegister,
  tryApplyModalityRegisterEvent,
  type ModalityRegister,
  type ModalityRegisterEvent,
  type ModalityRegisterResult,
  type ProcessSubject,
  type RecordedStep,
  type RegisteredProcess,
} from './modality-register.ts';
export { DEFAULT_REMINDER_LEAD_HOURS, modalityReminders, type ModalityReminder } from './reminders.ts';
