/**
 * The revisions issued (Rev.1, Rev.2 …) with when and by whom, and the counts of the text
 * as it stood then; and the comparison of any two of them, or of one with the current text or
 * the draft as imported. Everything is folded from the log the browser already holds: no
 * further request, and the comparison follows the live document.
 */
import { useMemo, useState } from 'react';
import { compareProvisions, fold, importedLength, listRevisions, type Actor, type DocumentState, type ParleyEvent } from '../../core/index.ts';
import { useT, type T } from '../i18n/use-t.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { TimeStamp } from './TimeStamp.tsx';

const CURRENT = 'current';
const IMPORTED = '0';

function issuer(t: T, actor: Actor): string {
  if (actor.role === 'chair') return t('bracket.byChair');
  if (actor.role === 'secretariat') return t('role.secretariat');
  return actor.delegation ?? actor.user;
}

export function RevisionsView({ events, state, version }: { readonly events: readonly ParleyEvent[]; readonly state: DocumentState; readonly version: number }) {
  const t = useT();
  // `version` stands for the log's contents, which grow in place.
  const revisions = useMemo(() => listRevisions(events), [events, version]);
  const imported = importedLength(events);
  const points = [
    ...(imported > 0 ? [{ value: IMPORTED, label: t('compare.imported'), version: imported }] : []),
    ...revisions.map((r) => ({ value: String(r.number), label: r.label, version: r.version })),
    { value: CURRENT, label: t('compare.current'), version: state.version },
  ];
  const [fromChoice, setFrom] = useState<string | null>(null);
  const [toChoice, setTo] = useState<string | null>(null);
  const [view, setView] = useState<'compiled' | 'agreed'>('compiled');
  const known = (value: string | null): value is string => value !== null && points.some((p) => p.value === value);
  // By default the last two revisions, or the last revision and the current text.
  const to = known(toChoice) ? toChoice : revisions.length >= 2 ? String(revisions.at(-1)!.number) : CURRENT;
  const from = known(fromChoice) ? fromChoice : (points[Math.max(0, points.findIndex((p) => p.value === to) - 1)]?.value ?? CURRENT);
  const fromPoint = points.find((p) => p.value === from)!;
  const toPoint = points.find((p) => p.value === to)!;

  const comparison = useMemo(() => {
    const at = (point: { value: string; version: number }): DocumentState => (point.value === CURRENT ? state : fold(events.slice(0, point.version)));
    return compareProvisions(at(fromPoint), at(toPoint), { view });
    // The points' versions and `version` stand for what the states hold.
  }, [events, state, fromPoint.value, fromPoint.version, toPoint.value, toPoint.version, view, version]);

  return (
    <section className="revisions" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">{t('revisions.heading')}</h2>
      {revisions.length === 0 ? (
        <p>{t('revisions.none')}</p>
      ) : (
        <table className="revision-list">
          <thead>
            <tr>
              <th scope="col">{t('revisions.revision')}</th>
              <th scope="col">{t('revisions.issued')}</th>
              <th scope="col">{t('revisions.by')}</th>
              <th scope="col">{t('revisions.openBrackets')}</th>
              <th scope="col">{t('revisions.agreed')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.number} data-revision={revision.number}>
                <th scope="row">{revision.label}</th>
                <td>
                  <TimeStamp at={revision.at} />
                </td>
                <td>{issuer(t, revision.actor)}</td>
                <td>{t('counts.openBrackets', { count: revision.counts.openProposals })}</td>
                <td>{t('counts.agreed', { agreed: revision.counts.provisionsAgreed, total: revision.counts.provisionsTotal })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="compare-form" aria-label={t('compare.formLabel')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('compare.from')}{' '}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {points.map((point) => (
              <option key={point.value} value={point.value}>
                {point.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('compare.to')}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {points.map((point) => (
              <option key={point.value} value={point.value}>
                {point.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('view.label')}{' '}
          <select value={view} onChange={(e) => setView(e.target.value === 'agreed' ? 'agreed' : 'compiled')}>
            <option value="compiled">{t('view.compiled')}</option>
            <option value="agreed">{t('view.agreed')}</option>
          </select>
        </label>
      </form>
      <ComparisonView comparison={comparison} from={fromPoint.label} to={toPoint.label} />
    </section>
  );
}
