/**
 * A state's measures (seed 1.3, 3): choose a measure bilaterally (with named partner states)
 * or multilaterally, withdraw it, and report on its implementation period by period. A
 * delegate acts for their own state; the secretariat names the state it records for.
 */
import { useId, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { catalogueApi, type MeasureBody, type ReportStatus } from './catalogue-api.ts';
import { messageOf } from '../api.ts';
import { useCatalogueData } from './catalogue-context.ts';

const STATUSES: readonly ReportStatus[] = ['planned', 'in-progress', 'implemented', 'not-implemented'];

function allMeasures(dimensions: ReturnType<typeof useCatalogueData>['catalogue']['dimensions']): MeasureBody[] {
  return dimensions.flatMap((d) => [...d.unassigned, ...d.areas.flatMap((a) => a.measures)]);
}

export function OurMeasures() {
  const t = useT();
  const data = useCatalogueData();
  const [chosenState, setChosenState] = useState<string>('');
  const state = data.delegation ?? (data.isSecretariat ? chosenState : '');
  const measures = allMeasures(data.catalogue.dimensions);
  const stateId = useId();

  if (data.delegation === null && !data.isSecretariat) return <p>{t('catalogue.readOnly')}</p>;
  return (
    <>
      {data.delegation === null ? (
        <p>
          <label htmlFor={stateId}>{t('catalogue.actingFor')}</label>{' '}
          <select id={stateId} value={chosenState} onChange={(e) => setChosenState(e.target.value)}>
            <option value="">{t('catalogue.chooseState')}</option>
            {data.delegations.map((d) => (
              <option key={d.code} value={d.code}>
                {data.stateName(d.code)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {state === '' ? null : <StateMeasures state={state} measures={measures} onBehalf={data.delegation === null} />}
    </>
  );
}

function StateMeasures({ state, measures, onBehalf }: { readonly state: string; readonly measures: readonly MeasureBody[]; readonly onBehalf: boolean }) {
  const t = useT();
  const data = useCatalogueData();
  const [measureId, setMeasureId] = useState('');
  const [mode, setMode] = useState<'bilateral' | 'multilateral'>('multilateral');
  const [partners, setPartners] = useState<string[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const ids = { measure: useId(), partners: useId() };
  const forState = onBehalf ? { state } : {};
  const mine = data.selections.selections.filter((s) => s.state === state && s.active);
  const labelOf = new Map(measures.map((m) => [m.id, m.label]));

  async function run(action: () => Promise<Parameters<typeof data.setSelections>[0]>, done: string): Promise<void> {
    setMessage(null);
    try {
      data.setSelections(await action());
      setMessage({ text: done, error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    }
  }

  return (
    <>
      <section aria-labelledby="select-heading" className="select-measure">
        <h2 id="select-heading">{t('catalogue.selectHeading')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => catalogueApi.select(data.organisationId, measureId, { mode, partners: mode === 'bilateral' ? partners : [], ...forState }), t('catalogue.selected'));
          }}
        >
          <p>
            <label htmlFor={ids.measure}>{t('catalogue.measure')}</label>{' '}
            <select id={ids.measure} required value={measureId} onChange={(e) => setMeasureId(e.target.value)}>
              <option value="">{t('catalogue.chooseMeasure')}</option>
              {measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label} — {m.text.slice(0, 90)}
                </option>
              ))}
            </select>
          </p>
          <fieldset>
            <legend>{t('catalogue.mode')}</legend>
            <label>
              <input type="radio" name="mode" value="multilateral" checked={mode === 'multilateral'} onChange={() => setMode('multilateral')} /> {t('catalogue.multilateral')}
            </label>{' '}
            <label>
              <input type="radio" name="mode" value="bilateral" checked={mode === 'bilateral'} onChange={() => setMode('bilateral')} /> {t('catalogue.bilateral')}
            </label>
          </fieldset>
          {mode === 'bilateral' ? (
            <p>
              <label htmlFor={ids.partners}>{t('catalogue.partners')}</label>
              <br />
              <select id={ids.partners} multiple size={6} value={partners} onChange={(e) => setPartners(Array.from(e.target.selectedOptions, (o) => o.value))}>
                {data.delegations
                  .filter((d) => d.code !== state)
                  .map((d) => (
                    <option key={d.code} value={d.code}>
                      {data.stateName(d.code)}
                    </option>
                  ))}
              </select>
            </p>
          ) : null}
          <button type="submit">{t('catalogue.select')}</button>
        </form>
        {message ? (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'meta'}>
            {message.text}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="ours-heading">
        <h2 id="ours-heading">{t('catalogue.ourHeading', { state: data.stateName(state) })}</h2>
        {mine.length === 0 ? <p>{t('catalogue.ourNone')}</p> : null}
        <ul className="our-measures" data-testid="our-measures">
          {mine.map((selection) => {
            const label = labelOf.get(selection.measureId) ?? selection.measureId;
            const terms = selection.spans.at(-1);
            const reports = data.selections.reports.filter((r) => r.state === state && r.measureId === selection.measureId);
            return (
              <li key={selection.measureId}>
                <strong>{label}</strong>{' '}
                {terms?.mode === 'bilateral' ? t('catalogue.termsBilateral', { partners: terms.partners.join(', ') }) : t('catalogue.termsMultilateral')}{' '}
                <button type="button" onClick={() => void run(() => catalogueApi.withdrawSelection(data.organisationId, selection.measureId, onBehalf ? state : undefined), t('catalogue.withdrawn'))}>
                  {t('catalogue.withdraw', { label })}
                </button>
                {reports.length > 0 ? (
                  <ul aria-label={t('catalogue.reports')}>
                    {reports.map((r) => (
                      <li key={r.period}>
                        {t('catalogue.reportLine', { period: r.period, status: t(`status.${r.status}`) })}
                        {r.text ? `: ${r.text}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <ReportForm label={label} onSubmit={(report) => run(() => catalogueApi.report(data.organisationId, selection.measureId, { ...report, ...forState }), t('catalogue.reported'))} />
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function ReportForm({ label, onSubmit }: { readonly label: string; readonly onSubmit: (report: { period: string; status: ReportStatus; text: string }) => Promise<void> }) {
  const t = useT();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [status, setStatus] = useState<ReportStatus>('in-progress');
  const [text, setText] = useState('');
  return (
    <form
      className="report"
      aria-label={t('catalogue.reportHeading', { label })}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit({ period, status, text }).then(() => setText(''));
      }}
    >
      <label>
        {t('catalogue.period')} <input value={period} onChange={(e) => setPeriod(e.target.value)} required pattern="\d{4}(-(H[12]|Q[1-4]))?" />
      </label>{' '}
      <label>
        {t('catalogue.reportStatus')}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as ReportStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('catalogue.reportText')} <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} />
      </label>{' '}
      <button type="submit">{t('catalogue.submitReport')}</button>
    </form>
  );
}
