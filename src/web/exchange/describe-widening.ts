/** A widening in words: to which states, to the secretariat and whom it may pass it to, or to all. */
import type { Widening } from '../exchange-api.ts';
import type { T } from '../i18n/use-t.ts';

export function describeWidening(t: T, w: Widening): string {
  if (w.kind === 'states') return t('exchange.widening.states', { states: w.states.join(', ') });
  if (w.kind === 'publication') return t('exchange.widening.publication');
  const scope = w.disseminateTo;
  if (scope === 'none') return t('exchange.widening.secretariat');
  return scope === 'any' ? t('exchange.widening.secretariatAny') : t('exchange.widening.secretariatTo', { states: scope.join(', ') });
}
