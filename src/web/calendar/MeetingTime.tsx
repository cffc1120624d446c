/**
 * A meeting's start as the seat's clock shows it and as the reader's does, each with the
 * offset that applied on that date (the tz database through Intl and luxon: Astana was UTC+6
 * in 2021 and is UTC+5 since 1 March 2024; Berlin has summer time).
 */
import { useIntl } from 'react-intl';
import { instantInZone } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';

const FORMAT = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** The reader's zone as the browser reports it. */
export function readerZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function MeetingTime({ start, seatZone, place }: { readonly start: string; readonly seatZone: string; readonly place: string }) {
  const t = useT();
  const intl = useIntl();
  const reader = readerZone();
  const seat = instantInZone(start, seatZone);
  const seatLine = t('calendar.seatTime', { time: intl.formatDate(start, { ...FORMAT, timeZone: seatZone }), place, zone: seatZone, offset: seat.offsetLabel });
  if (reader === seatZone) {
    return (
      <p className="meeting-time">
        <time dateTime={start} data-testid="seat-time">
          {seatLine}
        </time>{' '}
        {t('calendar.sameZone')}
      </p>
    );
  }
  const yours = instantInZone(start, reader);
  return (
    <p className="meeting-time">
      <time dateTime={start} data-testid="seat-time">
        {seatLine}
      </time>
      <br />
      <time dateTime={start} data-testid="reader-time">
        {t('calendar.yourTime', { time: intl.formatDate(start, { ...FORMAT, timeZone: reader }), zone: reader, offset: yours.offsetLabel })}
      </time>
    </p>
  );
}
