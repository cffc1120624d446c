/**
 * The regular review (seed 1.8): member states × measures with each cell's status in words,
 * participation per dimension and per priority area (bar chart and table), trends per period
 * (bar chart and table), and the same as CSV to download.
 */
import { useEffect, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t.ts';
import { BarChart } from './BarChart.tsx';
import { catalogueApi, type ReviewBody } from './catalogue-api.ts';
import { messageOf } from '../api.ts';
import { useCatalogueData } from './catalogue-context.ts';

export function ReviewScreen() {
  const t = useT();
  const intl = useIntl();
  const data = useCatalogueData();
  const [period, setPeriod] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [review, setReview] = useState<ReviewBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyChosen, setOnlyChosen] = useState(true);
  const periodId = useId();

  useEffect(() => {
    let cancelled = false;
    setError(null);
    catalogueApi.review(data.organisationId, shown).then(
      (body) => !cancelled && setReview(body),
      (caught: unknown) => !cancelled && setError(messageOf(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [data.organisationId, shown, data.selections.version]);

  const columns = review ? review.measures.map((measure, index) => ({ measure, index })).filter(({ index }) => !onlyChosen || review.cells.some((row) => row[index]?.status !== 'not-selected')) : [];

  return (
    <>
      <h2>{t('review.heading')}</h2>
      <form
        className="review-period"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(period.trim() === '' ? null : period.trim());
        }}
      >
        <label htmlFor={periodId}>{t('review.periodLabel')}</label> <input id={periodId} value={period} onChange={(e) => setPeriod(e.target.value)} placeholder="2021-H2" />{' '}
        <button type="submit">{t('review.show')}</button>{' '}
        <a href={catalogueApi.reviewCsvHref(data.organisationId, shown)} download>
          {t('review.download')}
        </a>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {review ? (
        <>
          <section aria-labelledby="matrix-heading">
            <h3 id="matrix-heading">{t('review.matrix')}</h3>
            <label>
              <input type="checkbox" checked={onlyChosen} onChange={(e) => setOnlyChosen(e.target.checked)} /> {t('review.onlyChosen')}
            </label>
            <div className="matrix-scroll" tabIndex={0} role="region" aria-labelledby="matrix-heading">
              <table className="matrix" data-testid="review-matrix">
                <caption>{t('review.matrixCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.state')}</th>
                    {columns.map(({ measure }) => (
                      <th key={measure.id} scope="col" title={measure.text}>
                        {measure.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {review.states.map((state, row) => (
                    <tr key={state}>
                      <th scope="row">{state}</th>
                      {columns.map(({ measure, index }) => {
                        const cell = review.cells[row]?.[index];
                        const status = cell?.status ?? 'not-selected';
                        const words = t(`status.${status}`);
                        return (
                          <td key={measure.id} className={`cell ${status}`} title={t('review.cellTitle', { state, measure: measure.label, status: words })}>
                            {words}
                            {cell?.mode === 'bilateral' ? ` (${cell.partners.join(', ')})` : ''}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="participation-heading">
            <h3 id="participation-heading">{t('review.participationDimensions')}</h3>
            <BarChart
              title={t('review.chartParticipation')}
              bars={review.participation.dimensions.map((d) => ({ label: `${d.label ?? ''} ${d.title}`.trim(), value: d.states }))}
              max={review.states.length}
              describe={(bar) => t('review.bar', { label: bar.label, value: bar.value })}
            />
            <ParticipationTable rows={review.participation.dimensions} heading={t('review.dimension')} />
            <h3>{t('review.participationAreas')}</h3>
            <ParticipationTable rows={review.participation.areas} heading={t('review.area')} />
          </section>

          <section aria-labelledby="trends-heading">
            <h3 id="trends-heading">{t('review.trends')}</h3>
            {review.trends.length === 0 ? (
              <p>{t('review.noTrends')}</p>
            ) : (
              <>
                <BarChart
                  title={t('review.chartTrends')}
                  bars={review.trends.map((p) => ({ label: p.period, value: p.statesReporting }))}
                  max={review.states.length}
                  describe={(bar) => t('review.bar', { label: bar.label, value: bar.value })}
                />
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('review.periodColumn')}</th>
                      <th scope="col">{t('review.statesSelecting')}</th>
                      <th scope="col">{t('review.statesReporting')}</th>
                      <th scope="col">{t('review.reportsCount')}</th>
                      <th scope="col">{t('status.implemented')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {review.trends.map((p) => (
                      <tr key={p.period}>
                        <th scope="row">{p.period}</th>
                        <td>{p.statesSelecting}</td>
                        <td>{p.statesReporting}</td>
                        <td>{p.reports}</td>
                        <td>{p.byStatus.implemented}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );

  function ParticipationTable({ rows, heading }: { readonly rows: ReviewBody['participation']['areas']; readonly heading: string }) {
    return (
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">{t('review.states')}</th>
            <th scope="col">{t('review.share')}</th>
            <th scope="col">{t('review.selections')}</th>
            <th scope="col">{t('review.reporting')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{`${row.label ?? ''} ${row.title}`.trim()}</th>
              <td>{row.states}</td>
              <td>{intl.formatNumber(row.share, { style: 'percent' })}</td>
              <td>{row.selections}</td>
              <td>{row.reporting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
}
