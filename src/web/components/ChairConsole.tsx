/**
 * The chair's meeting controls: start and end the meeting (or take over one that another
 * chair runs), give the floor, and put a provision under discussion — the one at the top of
 * the chair's view as they scroll, or the one they last clicked or tabbed into ("Discuss").
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { DocumentState } from '../../core/index.ts';
import { api, messageOf, type DelegationBody, type MeetingState } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { topProvision, useLeadByScroll } from '../meeting-scroll.ts';
import { provisionCaption } from './MeetingBanner.tsx';


export function ChairConsole({
  documentId,
  meeting,
  state,
  leading,
  onMeeting,
}: {
  readonly documentId: string;
  /** Null until the live stream has told the meeting's state. */
  readonly meeting: MeetingState | null;
  readonly state: DocumentState;
  /** This chair runs the meeting: their scrolling moves the discussion. */
  readonly leading: boolean;
  readonly onMeeting: (meeting: MeetingState) => void;
}) {
  const t = useT();
  const { locale } = useIntl();
  const [delegations, setDelegations] = useState<readonly DelegationBody[] | null>(null);
  const [pointed, setPointed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = meeting?.active === true;
  const organisationId = meeting?.organisationId ?? null;

  useEffect(() => {
    if (!active || organisationId === null || delegations !== null) return;
    api.delegations(organisationId).then(setDelegations, (caught: unknown) => setError(messageOf(caught)));
  }, [active, organisationId, delegations]);

  // The provision the chair last clicked or tabbed into is the one "Discuss" offers.
  useEffect(() => {
    if (!active) return;
    const onPoint = (event: Event): void => {
      const target = event.target instanceof Element ? event.target : null;
      const id = target?.closest('.document-text [data-provision]')?.getAttribute('data-provision');
      if (id) setPointed(id);
    };
    document.addEventListener('click', onPoint);
    document.addEventListener('focusin', onPoint);
    return () => {
      document.removeEventListener('click', onPoint);
      document.removeEventListener('focusin', onPoint);
    };
  }, [active]);

  const run = (action: () => Promise<MeetingState>): void => {
    setBusy(true);
    setError(null);
    action()
      .then(onMeeting, (caught: unknown) => setError(messageOf(caught)))
      .finally(() => setBusy(false));
  };
  // Moving the focus while scrolling must not disable the buttons under the chair's hand.
  const focus = (provisionId: string): void => {
    api.focusMeeting(documentId, provisionId).then(onMeeting, (caught: unknown) => setError(messageOf(caught)));
  };
  useLeadByScroll(active && leading, (provisionId) => {
    if (provisionId !== meeting?.provisionId) focus(provisionId);
  });

  const start = (): void => run(() => api.startMeeting(documentId, topProvision(document)));
  if (!active) {
    return (
      <div className="chair-console" role="group" aria-label={t('meeting.console.heading')}>
        <button type="button" disabled={busy || meeting === null} onClick={start}>
          {t('meeting.start')}
        </button>
        {error ? <p role="alert" className="error">{error}</p> : null}
      </div>
    );
  }
  const floor = meeting.floor;
  const choices = delegations ?? (floor === null ? [] : [{ code: floor, names: { en: floor, ru: floor } }]);
  return (
    <div className="chair-console" role="group" aria-label={t('meeting.console.heading')}>
      {leading ? null : (
        <button type="button" disabled={busy} onClick={start}>
          {t('meeting.takeOver')}
        </button>
      )}
      <label>
        {t('meeting.floor.label')}{' '}
        <select value={floor ?? ''} disabled={busy} onChange={(e) => run(() => api.giveFloor(documentId, e.target.value === '' ? null : e.target.value))}>
          <option value="">{t('meeting.floor.none')}</option>
          {choices.map((d) => (
            <option key={d.code} value={d.code}>
              {d.code} — {locale === 'en' ? d.names.en : d.names.ru}
            </option>
          ))}
        </select>
      </label>
      {pointed === null ? (
        <span className="meeting-hint">{t('meeting.discuss.hint')}</span>
      ) : (
        <button type="button" disabled={pointed === meeting.provisionId} onClick={() => focus(pointed)}>
          {t('meeting.discuss', { provision: provisionCaption(t, state, pointed) })}
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => run(() => api.endMeeting(documentId))}>
        {t('meeting.end')}
      </button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </div>
  );
}
