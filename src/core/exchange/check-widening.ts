/** Shape checks for widenings and dissemination policies, as they arrive in events. */
import { reject, type ExchangeRejection } from './rejection.ts';
import { checkStateList } from './state-codes.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkScope(scope: unknown): ExchangeRejection | null {
  if (scope === 'none' || scope === 'any') return null;
  return checkStateList(scope, 'The states the secretariat may disseminate to', { nonEmpty: true });
}

export function checkWidening(widening: unknown): ExchangeRejection | null {
  if (!isObject(widening)) return reject('BAD_EVENT', 'Say how far access should widen: states, secretariat or publication.');
  switch (widening['kind']) {
    case 'states':
      return checkStateList(widening['states'], 'The states to widen access to', { nonEmpty: true });
    case 'secretariat':
      return checkScope(widening['disseminateTo']);
    case 'publication':
      return null;
    default:
      return reject('BAD_EVENT', `"${String(widening['kind'])}" is no kind of widening; use states, secretariat or publication.`);
  }
}

export function checkPolicy(policy: unknown): ExchangeRejection | null {
  if (!isObject(policy)) return reject('BAD_ENVELOPE', 'The envelope needs a dissemination policy: addressees-only or secretariat.');
  switch (policy['kind']) {
    case 'addressees-only':
      return null;
    case 'secretariat':
      return checkScope(policy['disseminateTo']);
    default:
      return reject('BAD_ENVELOPE', `"${String(policy['kind'])}" is no dissemination policy; use addressees-only or secretariat.`);
  }
}
