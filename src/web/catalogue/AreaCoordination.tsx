/**
 * Who coordinates one priority area: the coordinator (or the gap, said in words), the
 * co-coordinators, the volunteers awaiting the SWG or the SOC; a delegate volunteers or
 * withdraws their state, the secretariat or the chair records the SWG's and the SOC's steps.
 */
import { useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { catalogueApi, type AreaCoordinationBody, type CoordinatorDecision } from './catalogue-api.ts';
import { messageOf } from '../api.ts';
import { useCatalogueData } from './catalogue-context.ts';

export function AreaCoordination({ area, date }: { readonly area: AreaCoordinationBody; readonly date: string }) {
  const t = useT();
  const data = useCatalogueData();
  const { organisationId, delegation, stateName, setCoordination } = data;
  const [role, setRole] = useState<'coordinator' | 'co-coordinator'>(area.coordinator ? 'co-coordinator' : 'coordinator');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const canRecord = data.isSecretariat || data.isChair;
  const roleName = (r: string): string => (r === 'coordinator' ? t('catalogue.roleCoordinator') : t('catalogue.roleCoCoordinator'));
  const own = delegation === null ? undefined : [...area.pending.map((p) => p.state), ...area.coCoordinators.map((h) => h.state), area.coordinator?.state].find((s) => s === delegation);

  async function run(action: () => Promise<Parameters<typeof setCoordination>[0]>): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      setCoordination(await action());
      setMessage({ text: t('catalogue.recorded'), error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }
  const decide = (decision: CoordinatorDecision, state: string) => () => void run(() => catalogueApi.decide(organisationId, area.areaId, decision, { state, date }));

  return (
    <div className={`coordination${area.gap ? ' gap' : ''}`} data-testid="coordination" data-area={area.title}>
      <dl>
        <dt>{t('catalogue.coordinator')}</dt>
        <dd data-testid="coordinator">{area.coordinator ? t('catalogue.since', { state: stateName(area.coordinator.state), date: area.coordinator.since }) : <strong className="gap-badge">{t('catalogue.gap')}</strong>}</dd>
        <dt>{t('catalogue.coCoordinators')}</dt>
        <dd data-testid="co-coordinators">{area.coCoordinators.length === 0 ? t('catalogue.none') : area.coCoordinators.map((h) => stateName(h.state)).join(', ')}</dd>
      </dl>
      {area.listOnly ? <p className="meta">{t('catalogue.listOnly')}</p> : null}
      {area.pending.length > 0 ? (
        <>
          <h4>{t('catalogue.pending')}</h4>
          <ul className="pending" data-testid="pending">
            {area.pending.map((p) => (
              <li key={`${p.state}-${p.role}`}>
                {t(p.stage === 'volunteered' ? 'catalogue.pendingVolunteered' : 'catalogue.pendingRecommended', { state: stateName(p.state), role: roleName(p.role), date: p.since })}
                {canRecord ? (
                  <span className="buttons">
                    {p.stage === 'volunteered' ? (
                      <button type="button" disabled={busy} onClick={decide('recommend', p.state)}>
                        {t('catalogue.recommend', { state: p.state })}
                      </button>
                    ) : (
                      <>
                        <button type="button" disabled={busy} onClick={decide('approve', p.state)}>
                          {t('catalogue.approve', { state: p.state })}
                        </button>
                        <button type="button" disabled={busy} onClick={decide('reject', p.state)}>
                          {t('catalogue.reject', { state: p.state })}
                        </button>
                      </>
                    )}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {delegation !== null && own === undefined ? (
        <form
          className="volunteer"
          aria-label={t('catalogue.volunteerFor', { area: area.title })}
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => catalogueApi.volunteer(organisationId, area.areaId, { role, date }));
          }}
        >
          <label>
            {t('catalogue.volunteerRole', { state: delegation })}{' '}
            <select value={role} onChange={(e) => setRole(e.target.value === 'coordinator' ? 'coordinator' : 'co-coordinator')}>
              <option value="coordinator">{t('catalogue.roleCoordinator')}</option>
              <option value="co-coordinator">{t('catalogue.roleCoCoordinator')}</option>
            </select>
          </label>{' '}
          <button type="submit" disabled={busy}>
            {t('catalogue.volunteer')}
          </button>
        </form>
      ) : null}
      {own !== undefined ? (
        <button type="button" disabled={busy} onClick={() => void run(() => catalogueApi.withdrawCandidacy(organisationId, area.areaId, { date }))}>
          {t('catalogue.withdrawCandidacy', { state: own, area: area.title })}
        </button>
      ) : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'meta'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
