import type { ModalityEvent } from './modality-event.ts';
import type { ModalityProcess } from './modality-process.ts';
import { ModalityEventRejected, rejectModality, type ModalityRejection } from './modality-rejection.ts';
import { MODALITY_TRANSITIONS } from './transitions.ts';

export type ModalityResult = { readonly ok: true } | { readonly ok: false; readonly rejection: ModalityRejection };

/**
 * Applies one step to a process: checks everything first, then changes the process. A
 * rejected event changes nothing. Use applyModalityEventOrThrow where a rejection is a bug.
 */
export function applyModalityEvent(process: ModalityProcess, event: ModalityEvent): ModalityResult {
  const rejection = checkModalityEvent(process, event);
  if (rejection) return { ok: false, rejection };
  mutate(process, event);
  return { ok: true };
}

export function applyModalityEventOrThrow(process: ModalityProcess, event: ModalityEvent): void {
  const result = applyModalityEvent(process, event);
  if (!result.ok) throw new ModalityEventRejected(result.rejection);
}

/** Why `event` cannot apply to `process` now, or undefined when it can. Changes nothing. */
export function checkModalityEvent(process: ModalityProcess, event: ModalityEvent): ModalityRejection | undefined {
  const transition = MODALITY_TRANSITIONS[event.type];
  if (!transition.modalities.includes(process.modality)) {
    return rejectModality('WRONG_MODALITY', `${event.type} is a step of modality ${transition.modalities.join(' and ')}; this process follows modality ${process.modality}.`);
  }
  const millis = Date.parse(event.at);
  if (!event.at.endsWith('Z') || Number.isNaN(millis)) return rejectModality('BAD_DATE', `"${event.at}" is not a UTC instant such as 2021-06-02T08:00:00Z.`);
  const last = process.history.at(-1);
  if (last && millis < Date.parse(last.at)) {
    return rejectModality('BEFORE_LAST_EVENT', `${event.type} is dated ${event.at}, before the last step (${last.type}, ${last.at}); steps are recorded in the order they happened.`);
  }
  const from = transition.from[process.modality] ?? [];
  if (!from.includes(process.stage)) {
    return rejectModality('OUT_OF_ORDER', `${event.type} cannot happen while the process is at "${process.stage}"; it follows ${from.map((stage) => `"${stage}"`).join(' or ')}.`);
  }
  if (!transition.actors.includes(event.actor.role)) {
    return rejectModality('WRONG_ACTOR', `${event.type} is done by the ${transition.actors.join(' or ')}, not by the ${event.actor.role}.`);
  }
  if (event.actor.role === 'state' && !process.members.includes(event.actor.state)) {
    return rejectModality('NOT_A_MEMBER', `${event.actor.state} is not a member state of this process.`);
  }
  return checkSpecifics(process, event, millis);
}

function checkSpecifics(process: ModalityProcess, event: ModalityEvent, millis: number): ModalityRejection | undefined {
  const actingState = event.actor.role === 'state' ? event.actor.state : undefined;
  switch (event.type) {
    case 'interest.expressed':
    case 'views.exchanged':
      if (event.state !== actingState) return rejectModality('WRONG_ACTOR', `Only ${event.state} can speak for ${event.state}.`);
      if (process.participants.includes(event.state)) {
        return rejectModality('ALREADY_DONE', `${event.state} has already ${event.type === 'interest.expressed' ? 'expressed interest' : 'shared its views'}.`);
      }
      return undefined;
    case 'coordinator.appointed': {
      if (event.states.length === 0) return rejectModality('BAD_VALUE', 'Name at least one coordinating country.');
      const outsider = event.states.find((state) => !process.participants.includes(state));
      if (outsider) return rejectModality('NOT_INTERESTED', `${outsider} did not express interest; the Chairman consults the interested states on coordinators.`);
      if (new Set(event.states).size !== event.states.length) return rejectModality('BAD_VALUE', 'A coordinating country is named twice.');
      return undefined;
    }
    case 'concept-paper.drafted':
      if (!actingState || !process.coordinators.includes(actingState)) {
        return rejectModality('NOT_COORDINATOR', `The concept paper is drafted by the coordinator (${process.coordinators.join(', ')}).`);
      }
      return event.documentId.trim() ? undefined : rejectModality('BAD_VALUE', 'Name the document that holds the concept paper.');
    case 'experts.nominated':
      if (event.state !== actingState) return rejectModality('WRONG_ACTOR', `Only ${event.state} can nominate its experts.`);
      return event.experts.some((name) => name.trim()) ? undefined : rejectModality('BAD_VALUE', 'Name at least one expert or academician.');
    case 'specialized-meeting.organised':
      return event.meetingId.trim() && event.hostState.trim() ? undefined : rejectModality('BAD_VALUE', 'A specialized meeting needs its meeting and its host state.');
    case 'working-paper.produced':
      return event.documentId.trim() ? undefined : rejectModality('BAD_VALUE', 'Name the document that holds the working paper.');
    case 'silence.opened': {
      const deadline = Date.parse(event.deadline);
      if (!event.deadline.endsWith('Z') || Number.isNaN(deadline)) return rejectModality('BAD_DATE', `The deadline "${event.deadline}" is not a UTC instant.`);
      return deadline > millis ? undefined : rejectModality('BAD_DATE', `The deadline ${event.deadline} must come after the opening of the procedure (${event.at}).`);
    }
    case 'silence.broken': {
      const deadline = process.silence?.deadline ?? '';
      if (millis >= Date.parse(deadline)) {
        return rejectModality('SILENCE_OVER', `The silence procedure ended at ${deadline}; an objection dated ${event.at} comes too late.`);
      }
      return event.objection.trim() ? undefined : rejectModality('BAD_VALUE', 'Silence is broken by a written objection: give its text.');
    }
    case 'silence.concluded': {
      const deadline = process.silence?.deadline ?? '';
      return millis >= Date.parse(deadline)
        ? undefined
        : rejectModality('SILENCE_RUNNING', `The silence procedure runs until ${deadline}; it cannot be concluded at ${event.at}.`);
    }
    default:
      return undefined;
  }
}

function mutate(process: ModalityProcess, event: ModalityEvent): void {
  process.stage = MODALITY_TRANSITIONS[event.type].to;
  switch (event.type) {
    case 'interest.expressed':
    case 'views.exchanged':
      process.participants.push(event.state);
      break;
    case 'coordinator.appointed':
      process.coordinators = [...event.states];
      break;
    case 'concept-paper.drafted':
    case 'working-paper.produced':
      process.paperId = event.documentId;
      break;
    case 'experts.nominated':
      process.nominations.push({ state: event.state, experts: event.experts.filter((name) => name.trim()), at: event.at });
      break;
    case 'specialized-meeting.organised':
      process.specializedMeeting = { meetingId: event.meetingId, hostState: event.hostState };
      break;
    case 'swg.considered':
      // Not agreed: the paper goes back to whoever drafts it, for a new version.
      if (event.outcome === 'not-agreed') process.stage = process.modality === 'A' ? 'coordinator-appointed' : 'meeting-organised';
      break;
    case 'silence.opened':
      process.silence = { openedAt: event.at, deadline: event.deadline };
      break;
    case 'silence.broken':
      if (process.silence && event.actor.role === 'state') {
        process.silence.broken = { state: event.actor.state, at: event.at, objection: event.objection.trim() };
      }
      break;
    default:
      break;
  }
  process.history.push(event);
}
