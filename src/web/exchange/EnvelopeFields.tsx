/**
 * The envelope of a new submission: category and its Catalogue paragraph, the states
 * concerned, subject, period (periodic categories), the request a reply answers with its
 * reply clock, urgency, and how far the provider lets it go (addressees only, or also the
 * secretariat and whom it may pass it to). Personal data (2.1.4 c) goes to the named states
 * only, until the organisation's retention limit: said here before sending.
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../../core/index.ts';
import type { Duties, SubmissionHit } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import type { EnvelopeEntries, EnvelopeKey } from './envelope.ts';
import type { FieldProblem } from './form-value.ts';
import { issueMessage } from './issue-message.ts';
import { useWhen } from './use-when.ts';

interface Props {
  readonly envelope: EnvelopeEntries;
  readonly problems: ReadonlyMap<EnvelopeKey, FieldProblem>;
  readonly received: readonly SubmissionHit[];
  readonly duties: Duties | null;
  readonly onChange: (change: Partial<EnvelopeEntries>) => void;
}

export function EnvelopeFields({ envelope, problems, received, duties, onChange }: Props) {
  const t = useT();
  const when = useWhen();
  const category = CATEGORIES[envelope.category];
  const requests = category.answers === null ? [] : received.filter((hit) => hit.envelope.category === category.answers && hit.envelope.kind === 'report');
  const clock = duties?.obligations.find((o) => o.kind === 'reply' && o.about === envelope.replyTo && envelope.replyTo !== '');
  const retentionDays = duties?.deadlines[envelope.category]?.retentionDays;

  /** A text control of the envelope with its label, hint and error. */
  function text(key: EnvelopeKey & keyof EnvelopeEntries, label: Parameters<typeof t>[0], options: { hint?: Parameters<typeof t>[0]; states?: boolean } = {}) {
    const id = `ex-${key}`;
    const problem = problems.get(key);
    const message = problem === undefined ? null : issueMessage(t, problem, { kind: options.states === true ? 'envelope-states' : 'envelope-text', name: key });
    const described = [options.hint === undefined ? null : `${id}-hint`, message === null ? null : `${id}-error`].filter((x) => x !== null).join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{t(label)}</label>
        <input
          id={id}
          name={key}
          value={envelope[key]}
          onChange={(e) => onChange({ [key]: e.target.value })}
          aria-invalid={message === null ? undefined : true}
          aria-describedby={described === '' ? undefined : described}
        />
        {options.hint === undefined ? null : (
          <small id={`${id}-hint`} className="field-hint">
            {t(options.hint)}
          </small>
        )}
        {message === null ? null : (
          <span id={`${id}-error`} className="error field-error">
            {message}
          </span>
        )}
      </div>
    );
  }

  const replyProblem = problems.get('replyTo');
  return (
    <fieldset className="exchange-envelope">
      <legend>{t('exchange.envelope')}</legend>
      <div className="field">
        <label htmlFor="ex-category">{t('exchange.category')}</label>
        <select id="ex-category" name="category" value={envelope.category} onChange={(e) => onChange({ category: e.target.value as CategoryId })}>
          {CATEGORY_IDS.map((id) => (
            <option key={id} value={id}>
              {CATEGORIES[id].legalBases.join(', ')} — {t(`exchange.category.${id}`)}
            </option>
          ))}
        </select>
      </div>
      {category.legalBases.length > 1 ? (
        <div className="field">
          <label htmlFor="ex-legalBasis">{t('exchange.legalBasis')}</label>
          <select id="ex-legalBasis" name="legalBasis" value={envelope.legalBasis} onChange={(e) => onChange({ legalBasis: e.target.value })}>
            {category.legalBases.map((basis) => (
              <option key={basis} value={basis}>
                {basis}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {category.answers === null ? null : (
        <div className="field">
          <label htmlFor="ex-replyTo">{t('exchange.replyTo')}</label>
          <select
            id="ex-replyTo"
            name="replyTo"
            value={envelope.replyTo}
            aria-invalid={replyProblem === undefined ? undefined : true}
            aria-describedby={replyProblem === undefined ? undefined : 'ex-replyTo-error'}
            onChange={(e) => {
              const request = requests.find((hit) => hit.envelope.id === e.target.value);
              onChange({ replyTo: e.target.value, ...(request === undefined ? {} : { to: request.envelope.from }) });
            }}
          >
            <option value="">{requests.length === 0 ? t('exchange.replyTo.none') : t('exchange.replyTo.choose')}</option>
            {requests.map((hit) => (
              <option key={hit.envelope.id} value={hit.envelope.id}>
                {hit.envelope.registryNumber} — {hit.envelope.subject} ({hit.envelope.from})
              </option>
            ))}
          </select>
          {replyProblem === undefined ? null : (
            <span id="ex-replyTo-error" className="error field-error">
              {issueMessage(t, replyProblem, { kind: 'envelope-text' })}
            </span>
          )}
          {clock === undefined ? null : (
            <p className={`reply-clock ${clock.status}`} data-testid="exchange-reply-clock">
              {t('exchange.replyClock', { dueAt: when(clock.dueAt), status: t(`exchange.obligation.status.${clock.status}`) })}
            </p>
          )}
        </div>
      )}
      {text('to', 'exchange.to', { states: true })}
      {text('subject', 'exchange.subject')}
      {category.periodic ? text('period', 'exchange.period', { hint: 'exchange.period.hint' }) : null}
      <div className="field field-check">
        <input
          id="ex-urgent"
          type="checkbox"
          checked={category.alwaysUrgent || envelope.urgent}
          disabled={category.alwaysUrgent}
          onChange={(e) => onChange({ urgent: e.target.checked })}
        />
        <label htmlFor="ex-urgent">{category.alwaysUrgent ? t('exchange.urgent.always') : t('exchange.urgent.mark')}</label>
      </div>
      {category.personalData ? (
        <p className="exchange-personal-data" data-testid="exchange-personal-data">
          {retentionDays === undefined ? t('exchange.personalData.noLimit') : t('exchange.personalData', { days: retentionDays })}
        </p>
      ) : (
        <fieldset className="exchange-policy">
          <legend>{t('exchange.policy')}</legend>
          <div className="field field-check">
            <input id="ex-policy-addressees" type="radio" name="policy" checked={envelope.policy === 'addressees-only'} onChange={() => onChange({ policy: 'addressees-only' })} />
            <label htmlFor="ex-policy-addressees">{t('exchange.policy.addressees')}</label>
          </div>
          <div className="field field-check">
            <input id="ex-policy-secretariat" type="radio" name="policy" checked={envelope.policy === 'secretariat'} onChange={() => onChange({ policy: 'secretariat' })} />
            <label htmlFor="ex-policy-secretariat">{t('exchange.policy.secretariat')}</label>
          </div>
          {envelope.policy === 'secretariat' ? (
            <>
              <div className="field">
                <label htmlFor="ex-onward">{t('exchange.onward')}</label>
                <select id="ex-onward" value={envelope.onward} onChange={(e) => onChange({ onward: e.target.value as EnvelopeEntries['onward'] })}>
                  <option value="none">{t('exchange.onward.none')}</option>
                  <option value="any">{t('exchange.onward.any')}</option>
                  <option value="states">{t('exchange.onward.states')}</option>
                </select>
              </div>
              {envelope.onward === 'states' ? text('onwardStates', 'exchange.onwardStates', { states: true }) : null}
            </>
          ) : null}
        </fieldset>
      )}
    </fieldset>
  );
}
