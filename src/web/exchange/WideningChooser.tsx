/**
 * How far a provider lets a submission go (1.6, 1.7): as a requester asked, to named states,
 * to the secretariat with or without onward dissemination (to any state or to named ones),
 * or publication to all. Used to answer a request and to widen access unasked.
 */
import type { Widening } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { stateCodes } from './form-value.ts';

export interface WideningEntries {
  readonly kind: 'asked' | 'states' | 'secretariat' | 'publication';
  readonly states: string;
  readonly onward: 'none' | 'any' | 'states';
  readonly onwardStates: string;
}

export const initialWidening = (asked: Widening | null): WideningEntries => ({
  kind: asked === null ? 'states' : 'asked',
  states: asked?.kind === 'states' ? asked.states.join(', ') : '',
  onward: 'none',
  onwardStates: '',
});

/** The widening chosen, or null while a list of states it needs is empty. */
export function wideningOf(entries: WideningEntries, asked: Widening | null): Widening | null {
  switch (entries.kind) {
    case 'asked':
      return asked;
    case 'states': {
      const states = stateCodes(entries.states);
      return states.length === 0 ? null : { kind: 'states', states };
    }
    case 'secretariat': {
      if (entries.onward !== 'states') return { kind: 'secretariat', disseminateTo: entries.onward };
      const states = stateCodes(entries.onwardStates);
      return states.length === 0 ? null : { kind: 'secretariat', disseminateTo: states };
    }
    case 'publication':
      return { kind: 'publication' };
  }
}

interface Props {
  readonly idPrefix: string;
  readonly entries: WideningEntries;
  /** What the requester asked for, in words; null when nobody asked. */
  readonly asked: string | null;
  readonly onChange: (entries: WideningEntries) => void;
}

export function WideningChooser({ idPrefix, entries, asked, onChange }: Props) {
  const t = useT();
  const radio = (kind: WideningEntries['kind'], label: string) => (
    <div className="field field-check">
      <input id={`${idPrefix}-${kind}`} type="radio" name={`${idPrefix}-kind`} checked={entries.kind === kind} onChange={() => onChange({ ...entries, kind })} />
      <label htmlFor={`${idPrefix}-${kind}`}>{label}</label>
    </div>
  );
  return (
    <fieldset className="widening-chooser">
      <legend>{t('exchange.widen.legend')}</legend>
      {asked === null ? null : radio('asked', t('exchange.widen.asked', { widening: asked }))}
      {radio('states', t('exchange.widen.states'))}
      {entries.kind === 'states' ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-states-list`}>{t('exchange.widen.statesList')}</label>
          <input id={`${idPrefix}-states-list`} value={entries.states} onChange={(e) => onChange({ ...entries, states: e.target.value })} />
        </div>
      ) : null}
      {radio('secretariat', t('exchange.widen.secretariat'))}
      {entries.kind === 'secretariat' ? (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-onward`}>{t('exchange.onward')}</label>
            <select id={`${idPrefix}-onward`} value={entries.onward} onChange={(e) => onChange({ ...entries, onward: e.target.value as WideningEntries['onward'] })}>
              <option value="none">{t('exchange.onward.none')}</option>
              <option value="any">{t('exchange.onward.any')}</option>
              <option value="states">{t('exchange.onward.states')}</option>
            </select>
          </div>
          {entries.onward === 'states' ? (
            <div className="field">
              <label htmlFor={`${idPrefix}-onward-states`}>{t('exchange.onwardStates')}</label>
              <input id={`${idPrefix}-onward-states`} value={entries.onwardStates} onChange={(e) => onChange({ ...entries, onwardStates: e.target.value })} />
            </div>
          ) : null}
        </>
      ) : null}
      {radio('publication', t('exchange.widen.publication'))}
    </fieldset>
  );
}
