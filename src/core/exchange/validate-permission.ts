/** Whether a deploying state's permission (2.1.1 c) applies: only its own delegates give it, or withdraw it. */
import type { ContingentPermissionRecorded, ContingentPermissionWithdrawn } from './events.ts';
import { reject, type ExchangeRejection } from './rejection.ts';
import type { ExchangeState } from './state.ts';
import { checkStateList, isStateCode } from './state-codes.ts';
import { isDelegateOf, partyOf } from './viewer.ts';

export function validatePermission(state: ExchangeState, event: ContingentPermissionRecorded): ExchangeRejection | null {
  const { permissionId, deployingState, hostState, releaseTo } = event.data;
  if (typeof permissionId !== 'string' || permissionId.trim() === '') return reject('BAD_EVENT', 'A permission needs an id.');
  if (state.permissions.has(permissionId)) return reject('DUPLICATE_ID', `Permission id ${permissionId} is taken.`);
  if (!isStateCode(deployingState) || !isStateCode(hostState)) {
    return reject('UNKNOWN_STATE', 'Name the deploying and the host state by their ISO 3166-1 alpha-3 codes.');
  }
  if (deployingState === hostState) return reject('BAD_EVENT', `A contingent of ${deployingState} at home needs nobody's permission.`);
  if (!isDelegateOf(event.actor, deployingState)) {
    return reject('NOT_ALLOWED', `Only a delegate of ${deployingState}, which deployed the contingent, can permit its release.`);
  }
  if (releaseTo === 'any') return null;
  return checkStateList(releaseTo, 'The parties the host may release to', { nonEmpty: true, allowSecretariat: true });
}

/**
 * A withdrawal: the permission exists, is still in force, and the actor is a delegate of the
 * deploying state that gave it. Only the two states it concerns know a permission exists; to
 * anyone else an existing id answers exactly like an unknown one (NOT_FOUND).
 */
export function validatePermissionWithdrawal(state: ExchangeState, event: ContingentPermissionWithdrawn): ExchangeRejection | null {
  const { permissionId, reason } = event.data;
  if (typeof permissionId !== 'string' || permissionId.trim() === '') return reject('BAD_EVENT', 'A withdrawal names the permission it withdraws.');
  if (reason !== null && typeof reason !== 'string') return reject('BAD_EVENT', 'The reason for a withdrawal is text, or null.');
  const permission = state.permissions.get(permissionId);
  const party = partyOf(event.actor);
  const concerned = permission !== undefined && event.actor.role === 'delegate' && (party === permission.deployingState || party === permission.hostState);
  if (!concerned) return reject('NOT_FOUND', `There is no permission ${permissionId}.`);
  if (!isDelegateOf(event.actor, permission.deployingState)) {
    return reject('NOT_ALLOWED', `Only a delegate of ${permission.deployingState}, which gave the permission, can withdraw it.`);
  }
  if (permission.withdrawn !== null) return reject('NOT_OPEN', `Permission ${permissionId} was already withdrawn on ${permission.withdrawn.at}.`);
  return null;
}
