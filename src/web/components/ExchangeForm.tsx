/** A new submission: the disaster notification's own form (2.4.3, always urgent), or any category with its content as JSON. */
import { useState, type FormEvent } from 'react';
import { CATEGORY_IDS, CATEGORIES, type CategoryId } from '../../core/index.ts';
import { ApiError } from '../api.ts';
import { exchangeApi, type NewSubmission } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';

const codes = (text: string): string[] => text.split(/[\s,;]+/u).map((c) => c.trim().toUpperCase()).filter((c) => c !== '');

export function ExchangeForm({ organisationId, language, onSent, onCancel }: { organisationId: string; language: string; onSent: (registryNumber: string) => void; onCancel: () => void }) {
  const t = useT();
  const [mode, setMode] = useState<'disaster' | 'generic'>('disaster');
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState('');
  const [event, setEvent] = useState('');
  const [hazard, setHazard] = useState<'natural' | 'industrial'>('natural');
  const [occurredAt, setOccurredAt] = useState('');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [assistance, setAssistance] = useState(false);
  const [category, setCategory] = useState<CategoryId>('instrument-status');
  const [legalBasis, setLegalBasis] = useState('');
  const [period, setPeriod] = useState('');
  const [json, setJson] = useState('{}');
  const [toSecretariat, setToSecretariat] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submission(): NewSubmission | null {
    const dissemination = toSecretariat ? { kind: 'secretariat' as const, disseminateTo: 'any' as const } : { kind: 'addressees-only' as const };
    const common = { to: codes(to), subject, language, dissemination, kind: 'report' as const };
    if (mode === 'disaster') {
      const when = occurredAt === '' ? '' : new Date(occurredAt).toISOString();
      return { ...common, category: 'disaster', legalBasis: '2.4.3', urgent: true, body: { hazard, event, occurredAt: when, location, mayAffect: codes(to), description, assistanceRequested: assistance } };
    }
    let body: unknown;
    try {
      body = JSON.parse(json);
    } catch (e) {
      setError(t('exchange.badJson', { reason: (e as Error).message }));
      return null;
    }
    const info = CATEGORIES[category];
    return {
      ...common,
      category,
      legalBasis: legalBasis || info.legalBases[0]!,
      urgent: info.alwaysUrgent,
      period: info.periodic ? period : null,
      body,
    } as NewSubmission;
  }

  async function send(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const made = submission();
    if (made === null) return;
    setBusy(true);
    try {
      onSent((await exchangeApi.send(organisationId, made)).registryNumber);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="exchange-form" onSubmit={(e) => void send(e)} aria-labelledby="exchange-new">
      <h2 id="exchange-new">{t('exchange.new')}</h2>
      <fieldset>
        <label>
          <input type="radio" name="mode" checked={mode === 'disaster'} onChange={() => setMode('disaster')} /> {t('exchange.newDisaster')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'generic'} onChange={() => setMode('generic')} /> {t('exchange.newGeneric')}
        </label>
      </fieldset>
      <label>
        {t('exchange.to')} <input name="to" value={to} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <label>
        {t('exchange.subject')} <input name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} required />
      </label>
      {mode === 'disaster' ? (
        <>
          <label>
            {t('exchange.hazard')}{' '}
            <select name="hazard" value={hazard} onChange={(e) => setHazard(e.target.value as 'natural' | 'industrial')}>
              <option value="natural">{t('exchange.hazard.natural')}</option>
              <option value="industrial">{t('exchange.hazard.industrial')}</option>
            </select>
          </label>
          <label>
            {t('exchange.event')} <input name="event" value={event} onChange={(e) => setEvent(e.target.value)} required />
          </label>
          <label>
            {t('exchange.occurredAt')} <input name="occurredAt" type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} required />
          </label>
          <label>
            {t('exchange.location')} <input name="location" value={location} onChange={(e) => setLocation(e.target.value)} required />
          </label>
          <label>
            {t('exchange.description')} <textarea name="description" value={description} onChange={(e) => setDescription(e.target.value)} required />
          </label>
          <label>
            <input type="checkbox" checked={assistance} onChange={(e) => setAssistance(e.target.checked)} /> {t('exchange.assistance')}
          </label>
        </>
      ) : (
        <>
          <label>
            {t('exchange.category')}{' '}
            <select name="category" value={category} onChange={(e) => setCategory(e.target.value as CategoryId)}>
              {CATEGORY_IDS.map((id) => (
                <option key={id} value={id}>
                  {CATEGORIES[id].legalBases.join(', ')} — {CATEGORIES[id].title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exchange.legalBasis')}{' '}
            <select name="legalBasis" value={legalBasis || CATEGORIES[category].legalBases[0]} onChange={(e) => setLegalBasis(e.target.value)}>
              {CATEGORIES[category].legalBases.map((basis) => (
                <option key={basis}>{basis}</option>
              ))}
            </select>
          </label>
          {CATEGORIES[category].periodic ? (
            <label>
              {t('exchange.period')} <input name="period" value={period} onChange={(e) => setPeriod(e.target.value)} required />
            </label>
          ) : null}
          <label>
            {t('exchange.body')} <textarea name="body" value={json} onChange={(e) => setJson(e.target.value)} rows={8} />
          </label>
        </>
      )}
      <label>
        <input type="checkbox" checked={toSecretariat} onChange={(e) => setToSecretariat(e.target.checked)} /> {t('exchange.secretariat')}
      </label>
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('exchange.send')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('exchange.cancel')}
      </button>
    </form>
  );
}
