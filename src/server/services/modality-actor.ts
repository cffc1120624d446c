/**
 * Who the caller is in section 3's terms. Memberships know secretariat, chair, delegate and
 * observer; the modalities know states, the Chairman, the Secretariat, the SWG, the SOC and
 * the experts. A delegate acts as its own state (the coordinator among them drafts the concept
 * paper); the chair as the Chairman; the secretariat as the Secretariat, or for a state it
 * names (a step the state took by note verbale); the decisions of the SWG and the SOC, and a
 * working paper the experts produced, are recorded by the secretariat or the chair — the
 * working paper also by a delegate of a state that nominated experts.
 */
import { MODALITY_TRANSITIONS, type ActorRole, type Actor, type ModalityActor, type ModalityActorRole, type ModalityEventType, type ModalityProcess } from '../../core/index.ts';
import { hasRole } from '../auth/policy.ts';
import type { Membership, Principal } from '../auth/principal.ts';
import { problem } from '../http/problem.ts';

export interface ModalityCaller {
  readonly principal: Principal;
  readonly list: readonly Membership[];
}

export interface StepActors {
  /** The actor the state machine sees. */
  readonly actor: ModalityActor;
  /** The user whose hand recorded the step, in the log. */
  readonly recorder: Actor;
}

const ACTOR_NAMES: Readonly<Record<ModalityActorRole, string>> = {
  state: 'a member state',
  chairman: 'the Chairman',
  secretariat: 'the Secretariat',
  swg: 'the SWG (recorded by the secretariat or the chair)',
  soc: 'the SOC (recorded by the secretariat or the chair)',
  experts: 'the experts (recorded by the secretariat, or a delegate of a state that nominated experts)',
};

function recorderOf(caller: ModalityCaller, role: ActorRole, delegation: string | null = null): Actor {
  return { user: caller.principal.userId, delegation, role };
}

/** The actor for `type` the caller can be, or undefined. `state`: the state a secretariat names. */
function tryActor(caller: ModalityCaller, role: ModalityActorRole, process: ModalityProcess, state: string | null | undefined): StepActors | undefined {
  const delegate = caller.list.find((m) => m.role === 'delegate' && m.delegation !== null);
  const secretariat = hasRole(caller.list, 'secretariat');
  const chair = hasRole(caller.list, 'chair');
  switch (role) {
    case 'state':
      if (delegate?.delegation && (!state || state === delegate.delegation)) {
        return { actor: { role: 'state', state: delegate.delegation }, recorder: recorderOf(caller, 'delegate', delegate.delegation) };
      }
      if (secretariat && state) return { actor: { role: 'state', state }, recorder: recorderOf(caller, 'secretariat', state) };
      return undefined;
    case 'chairman':
      return chair ? { actor: { role: 'chairman' }, recorder: recorderOf(caller, 'chair') } : undefined;
    case 'secretariat':
      return secretariat ? { actor: { role: 'secretariat' }, recorder: recorderOf(caller, 'secretariat') } : undefined;
    case 'swg':
    case 'soc':
      if (secretariat) return { actor: { role }, recorder: recorderOf(caller, 'secretariat') };
      return chair ? { actor: { role }, recorder: recorderOf(caller, 'chair') } : undefined;
    case 'experts':
      if (secretariat) return { actor: { role }, recorder: recorderOf(caller, 'secretariat') };
      if (delegate?.delegation && process.nominations.some((n) => n.state === delegate.delegation)) {
        return { actor: { role }, recorder: recorderOf(caller, 'delegate', delegate.delegation) };
      }
      return undefined;
  }
}

/** The caller as the actor of `type`, or ERR_ACCESS_OTHER_DELEGATION / ERR_MODALITY_NOT_YOUR_STEP. */
export function stepActors(caller: ModalityCaller, type: ModalityEventType, process: ModalityProcess, state: string | null | undefined): StepActors {
  const roles = MODALITY_TRANSITIONS[type].actors;
  for (const role of roles) {
    const found = tryActor(caller, role, process, state);
    if (found) return found;
  }
  const delegate = caller.list.find((m) => m.role === 'delegate' && m.delegation !== null);
  if (roles.includes('state') && delegate?.delegation && state && state !== delegate.delegation) {
    throw problem('ERR_ACCESS_OTHER_DELEGATION', { own: delegate.delegation, other: state });
  }
  if (roles.includes('state') && hasRole(caller.list, 'secretariat') && !state) {
    throw problem('ERR_REQUEST_INVALID', { issues: 'state: the secretariat names the state it records this step for' });
  }
  throw problem('ERR_MODALITY_NOT_YOUR_STEP', { step: type, actors: roles.map((role) => ACTOR_NAMES[role]).join(' or ') });
}

/** Whether the caller may take a due step (for a state's step: for one of `states`). */
export function isYours(caller: ModalityCaller, type: ModalityEventType, process: ModalityProcess, states: readonly string[] | undefined): boolean {
  for (const role of MODALITY_TRANSITIONS[type].actors) {
    if (role === 'state') {
      const delegate = caller.list.find((m) => m.role === 'delegate' && m.delegation !== null);
      if (delegate?.delegation && (states ?? process.members).includes(delegate.delegation)) return true;
      if (hasRole(caller.list, 'secretariat') && (states ?? process.members).length > 0) return true;
      continue;
    }
    if (tryActor(caller, role, process, null)) return true;
  }
  return false;
}
