/** Whether a deploying state's permission (2.1.1 c) applies: only its own delegates give it. */
import type { ContingentPermissionRecorded } from './events.ts';
import { reject, type ExchangeRejection } from './rejection.ts';
import type { ExchangeState } from './state.ts';
import { checkStateList, isStateCode } from './state-codes.ts';
import { isDelegateOf } from './viewer.ts';

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
