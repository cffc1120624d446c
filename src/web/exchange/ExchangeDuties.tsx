/**
 * What the exchange asks of the caller's state: its obligations (periodic reports, replies to
 * requests, confirmations of contact checks) with their deadlines — late and overdue ones
 * marked —, the reminders now due, and the "are you still there?" checks, which the provider
 * answers here in one click.
 */
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi, type Duties } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { useWhen } from './use-when.ts';

interface Props {
  readonly organisationId: string;
  readonly delegation: string | null;
  readonly duties: Duties;
  readonly onOpen: (submissionId: string) => void;
  readonly onChanged: () => void;
}

type Obligation = Duties['obligations'][number];
const REMINDER_KINDS = ['report-due', 'reply-due', 'contact-confirmation-due', 'contact-check-due'] as const;
const isReminderKind = (kind: string): kind is (typeof REMINDER_KINDS)[number] => (REMINDER_KINDS as readonly string[]).includes(kind);

export function ExchangeDuties({ organisationId, delegation, duties, onOpen, onChanged }: Props) {
  const t = useT();
  const when = useWhen();
  const [error, setError] = useState<string | null>(null);
  // Most urgent first: overdue, open, then what was met late, then on time.
  const order: Obligation['status'][] = ['overdue', 'open', 'late', 'met'];
  const obligations = [...duties.obligations].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.dueAt.localeCompare(b.dueAt));
  const what = (o: Obligation): string =>
    t(`exchange.obligation.${o.kind}`, { category: t(`exchange.category.${o.category}`), period: o.period ?? '' });

  async function confirm(checkId: string): Promise<void> {
    setError(null);
    try {
      await exchangeApi.confirmContact(organisationId, checkId);
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <section className="exchange-duties" aria-labelledby="exchange-duties">
      <h2 id="exchange-duties">{t('exchange.duties')}</h2>
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {delegation === null ? null : (
        <>
          <h3>{t('exchange.obligations')}</h3>
          {obligations.length === 0 ? (
            <p>{t('exchange.obligations.none')}</p>
          ) : (
            <table data-testid="exchange-obligations">
              <thead>
                <tr>
                  <th scope="col">{t('exchange.obligation.what')}</th>
                  <th scope="col">{t('exchange.obligation.due')}</th>
                  <th scope="col">{t('exchange.obligation.status')}</th>
                </tr>
              </thead>
              <tbody>
                {obligations.map((o, i) => (
                  <tr key={i} className={`obligation ${o.status}`}>
                    <td>
                      {o.about === null ? (
                        what(o)
                      ) : (
                        <a href={`/exchange/${encodeURIComponent(o.about)}`} onClick={(e) => { e.preventDefault(); onOpen(o.about!); }}>
                          {what(o)}
                        </a>
                      )}
                    </td>
                    <td>{when(o.dueAt)}</td>
                    <td>
                      {o.status === 'late' || o.status === 'overdue' ? <strong className="badge late">{t(`exchange.obligation.status.${o.status}`)}</strong> : t(`exchange.obligation.status.${o.status}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h3>{t('exchange.reminders')}</h3>
      {duties.reminders.length === 0 ? <p>{t('exchange.reminders.none')}</p> : null}
      <ul>
        {duties.reminders.map((r) => (
          <li key={r.key}>{t('exchange.reminder', { what: isReminderKind(r.kind) ? t(`exchange.reminder.${r.kind}`) : r.kind, dueAt: when(r.dueAt) })}</li>
        ))}
      </ul>
      <h3>{t('exchange.checks')}</h3>
      {duties.contactChecks.length === 0 ? <p>{t('exchange.checks.none')}</p> : null}
      <ul data-testid="exchange-contact-checks">
        {duties.contactChecks.map((c) => (
          <li key={c.id}>
            {c.provider === delegation
              ? t('exchange.check.ours', { by: c.checkedBy, registryNumber: c.registryNumber, dueAt: when(c.dueAt) })
              : t('exchange.check.theirs', { provider: c.provider, registryNumber: c.registryNumber, dueAt: when(c.dueAt) })}{' '}
            — {c.status === 'overdue' ? <strong className="badge late">{t('exchange.check.status.overdue')}</strong> : t(`exchange.check.status.${c.status}`)}{' '}
            {c.provider === delegation && c.status !== 'confirmed' ? (
              <button type="button" onClick={() => void confirm(c.id)}>
                {t('exchange.check.confirm', { registryNumber: c.registryNumber })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
