/**
 * What everyone sees while a meeting runs: who chairs, who has the floor, which provision is
 * under discussion, and — for those who follow the chair — the choice to stop following (to
 * read elsewhere) and to jump back.
 */
import type { DocumentState } from '../../core/index.ts';
import type { MeetingState } from '../api.ts';
import type { T } from '../i18n/use-t.ts';
import { useT } from '../i18n/use-t.ts';

const CAPTION_WORDS = 8;

/** A provision as the room names it: its label, or its first words when it has none. */
export function provisionCaption(t: T, state: DocumentState, provisionId: string): string {
  const provision = state.provisions.get(provisionId);
  if (!provision) return provisionId;
  if (provision.label !== null) return provision.label;
  return t('meeting.provision.unlabelled', { words: provision.text.split(/\s+/u).filter(Boolean).slice(0, CAPTION_WORDS).join(' ') });
}

export function MeetingBanner({
  meeting,
  state,
  leading,
  following,
  onFollowing,
  onJump,
}: {
  readonly meeting: MeetingState;
  readonly state: DocumentState;
  /** This reader runs the meeting: their view leads, so there is no one to follow. */
  readonly leading: boolean;
  readonly following: boolean;
  readonly onFollowing: (following: boolean) => void;
  readonly onJump: () => void;
}) {
  const t = useT();
  const focus = meeting.provisionId === null ? null : provisionCaption(t, state, meeting.provisionId);
  return (
    <section className="meeting-banner" aria-labelledby="meeting-banner-heading" data-testid="meeting-banner">
      <h2 id="meeting-banner-heading">{t('meeting.banner.heading')}</h2>
      <p className="meeting-facts" aria-live="polite">
        <span>{meeting.chair ? t('meeting.banner.chair', { name: meeting.chair.displayName }) : null}</span>
        <span data-testid="meeting-floor">{meeting.floor === null ? t('meeting.banner.noFloor') : t('meeting.banner.floor', { delegation: meeting.floor })}</span>
        <span data-testid="meeting-focus">{focus === null ? t('meeting.banner.noFocus') : t('meeting.banner.focus', { provision: focus })}</span>
      </p>
      {leading ? (
        <p className="meeting-note">{t('meeting.leading')}</p>
      ) : (
        <div className="meeting-follow">
          <label>
            <input type="checkbox" checked={following} onChange={(e) => onFollowing(e.target.checked)} /> {t('meeting.follow')}
          </label>
          {!following && focus !== null ? (
            <button type="button" onClick={onJump}>
              {t('meeting.jump', { provision: focus })}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
