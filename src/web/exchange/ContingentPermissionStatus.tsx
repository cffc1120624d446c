/**
 * 2.1.1 c on the contingents form: for each deploying state named, what it has permitted the
 * host to release and whom this submission would reach without its leave. The server refuses
 * such a submission; this says so first, and names the state to ask.
 */
import type { Duties } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { permittedTo, unpermittedParties, SECRETARIAT } from './contingent-permission.ts';
import { dissemination, type EnvelopeEntries } from './envelope.ts';
import { stateCodes, type Entries } from './form-value.ts';

interface Props {
  readonly host: string;
  readonly envelope: EnvelopeEntries;
  readonly body: Entries;
  readonly permissions: Duties['permissions'];
}

export function ContingentPermissionStatus({ host, envelope, body, permissions }: Props) {
  const t = useT();
  const rows = (body['contingents'] ?? []) as readonly Entries[];
  const deploying = [...new Set(rows.map((row) => (typeof row['deployingState'] === 'string' ? row['deployingState'] : '').trim().toUpperCase()))].filter((code) => /^[A-Z]{3}$/u.test(code) && code !== host);
  const policy = dissemination(envelope);
  const reach = { states: stateCodes(envelope.to), secretariat: policy.kind === 'secretariat' ? policy.disseminateTo : null };
  const party = (code: string): string => (code === SECRETARIAT ? t('exchange.party.secretariat') : code === '*' ? t('exchange.party.anyState') : code);

  return (
    <section className="exchange-permissions-needed" aria-labelledby="ex-permissions-needed" data-testid="exchange-contingent-permissions">
      <h3 id="ex-permissions-needed">{t('exchange.contingent.heading')}</h3>
      {deploying.length === 0 ? <p>{t('exchange.contingent.noneNamed')}</p> : null}
      <ul>
        {deploying.map((state) => {
          const given = permittedTo(permissions, state, host);
          const missing = unpermittedParties(permissions, state, host, reach);
          return (
            <li key={state} className={missing.length === 0 ? 'permitted' : 'not-permitted'}>
              <strong>{state}</strong>:{' '}
              {given === 'any'
                ? t('exchange.contingent.permittedAny')
                : given.length === 0
                  ? t('exchange.contingent.permittedNone')
                  : t('exchange.contingent.permittedTo', { parties: given.map(party).join(', ') })}{' '}
              {missing.length === 0 ? t('exchange.contingent.ok') : <span className="error">{t('exchange.contingent.missing', { state, parties: missing.map(party).join(', ') })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
