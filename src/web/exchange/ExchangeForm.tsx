/**
 * A new submission in any category: the envelope (EnvelopeFields), the category's typed form
 * (BodyFields over fields.ts), and the actions — send the report, or, for periodic
 * categories, a nil report or "no change since" the last one, each in one click. Everything
 * is judged by the protocol's schema before it leaves, each problem shown beside its field.
 */
import { useRef, useState, type FormEvent } from 'react';
import { CATEGORIES, type CategoryId } from '../../core/index.ts';
import { ApiError } from '../api.ts';
import { exchangeApi, type Duties, type SubmissionHit } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { BodyFields } from './BodyFields.tsx';
import { ContingentPermissionStatus } from './ContingentPermissionStatus.tsx';
import { judge, type EnvelopeEntries, type SubmissionKind, type Verdict } from './envelope.ts';
import { EnvelopeFields } from './EnvelopeFields.tsx';
import { CATEGORY_FIELDS } from './fields.ts';
import { emptyEntries, withEntry, type Entries } from './form-value.ts';

/** How the form opens: a reply to a request (category, request, its sender), or nothing chosen. */
export interface FormPreset {
  readonly category: CategoryId;
  readonly replyTo: string | null;
  readonly to: readonly string[];
}

interface Props {
  readonly organisationId: string;
  readonly language: string;
  readonly delegation: string;
  /** What the caller's state sent, newest first: the report a "no change" points to. */
  readonly sent: readonly SubmissionHit[];
  /** What it received: the requests a reply may answer. */
  readonly received: readonly SubmissionHit[];
  readonly duties: Duties | null;
  readonly preset?: FormPreset | null;
  readonly onSent: (registryNumber: string) => void;
  readonly onCancel: () => void;
}

function initialEnvelope(preset: FormPreset | null | undefined): EnvelopeEntries {
  const category = preset?.category ?? 'disaster';
  return {
    category,
    legalBasis: CATEGORIES[category].legalBases[0]!,
    to: preset?.to.join(', ') ?? '',
    subject: '',
    // The reader's clock, not core's: only a suggestion the delegate may change.
    period: String(new Date().getFullYear()),
    replyTo: preset?.replyTo ?? '',
    urgent: false,
    policy: 'addressees-only',
    onward: 'none',
    onwardStates: '',
  };
}

const NO_VERDICT: Verdict = { submission: null, envelope: new Map(), body: new Map(), unplaced: [] };

export function ExchangeForm({ organisationId, language, delegation, sent, received, duties, preset, onSent, onCancel }: Props) {
  const t = useT();
  const [envelope, setEnvelope] = useState<EnvelopeEntries>(() => initialEnvelope(preset));
  const [bodies, setBodies] = useState<Partial<Record<CategoryId, Entries>>>({});
  const [verdict, setVerdict] = useState<Verdict>(NO_VERDICT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const category = CATEGORIES[envelope.category];
  const fields = CATEGORY_FIELDS[envelope.category];
  const body = bodies[envelope.category] ?? emptyEntries(fields);
  const previous = sent.find((hit) => hit.envelope.category === envelope.category && hit.envelope.from === delegation) ?? null;

  function changeEnvelope(change: Partial<EnvelopeEntries>): void {
    setEnvelope((current) => {
      const next = { ...current, ...change };
      if (change.category !== undefined && change.category !== current.category) {
        return { ...next, legalBasis: CATEGORIES[change.category].legalBases[0]!, replyTo: '' };
      }
      return next;
    });
    setVerdict(NO_VERDICT);
  }

  async function send(kind: SubmissionKind): Promise<void> {
    setError(null);
    const withSubject: EnvelopeEntries =
      kind !== 'report' && envelope.subject.trim() === ''
        ? { ...envelope, subject: t(kind === 'nil' ? 'exchange.subject.nil' : 'exchange.subject.noChange', { category: t(`exchange.category.${envelope.category}`), period: envelope.period }) }
        : envelope;
    const judged = judge(withSubject, body, kind, previous?.envelope.id ?? null, language);
    setVerdict(judged);
    if (judged.submission === null) {
      // Take the reader to the first field that needs attention.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      onSent((await exchangeApi.send(organisationId, judged.submission)).registryNumber);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const count = verdict.envelope.size + verdict.body.size + verdict.unplaced.length;
  const blocked = envelope.category === 'foreign-contingents' && duties !== null;

  return (
    <form
      ref={formRef}
      className="exchange-form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void send('report');
      }}
      aria-labelledby="exchange-new"
    >
      <h2 id="exchange-new">{t('exchange.new')}</h2>
      <EnvelopeFields envelope={envelope} problems={verdict.envelope} received={received} duties={duties} onChange={changeEnvelope} />
      <fieldset className="exchange-body-fields">
        <legend>{t('exchange.bodyLegend', { category: t(`exchange.category.${envelope.category}`), basis: envelope.legalBasis })}</legend>
        <BodyFields
          fields={fields}
          entries={body}
          problems={verdict.body}
          idPrefix="ex-body"
          onChange={(path, value) => {
            setBodies((all) => ({ ...all, [envelope.category]: withEntry(all[envelope.category] ?? emptyEntries(fields), path, value) }));
            setVerdict(NO_VERDICT);
          }}
        />
      </fieldset>
      {blocked ? <ContingentPermissionStatus host={delegation} envelope={envelope} body={body} permissions={duties.permissions} /> : null}
      {count === 0 ? null : (
        <p role="alert" className="error">
          {t('exchange.problems', { count })}
        </p>
      )}
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="exchange-actions">
        <button type="submit" disabled={busy}>
          {t('exchange.send')}
        </button>{' '}
        {category.periodic ? (
          <>
            <button type="button" disabled={busy} onClick={() => void send('nil')}>
              {t('exchange.sendNil')}
            </button>{' '}
            {previous === null ? null : (
              <button type="button" disabled={busy} onClick={() => void send('no-change')}>
                {t('exchange.sendNoChange', { registryNumber: previous.envelope.registryNumber })}
              </button>
            )}{' '}
          </>
        ) : null}
        <button type="button" onClick={onCancel}>
          {t('exchange.cancel')}
        </button>
      </div>
    </form>
  );
}
