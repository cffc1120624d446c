/**
 * An instant as the reader's clock shows it and as the seat's does (Astana for CICA), both
 * through react-intl's Intl.DateTimeFormat with a named time zone: offsets and summer time
 * are the platform's tz database, never computed here.
 */
import { FormattedDate, FormattedMessage, FormattedTime, useIntl } from 'react-intl';
import { useT } from '../i18n/use-t.ts';
import { useSeat } from '../seat-time-zone.ts';

/** What importDraft records when a draft does not say when it was made. */
const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

function DateAndTime({ at, timeZone }: { readonly at: string; readonly timeZone?: string }) {
  const zone = timeZone === undefined ? {} : { timeZone };
  return (
    <>
      <FormattedDate value={at} year="numeric" month="short" day="numeric" {...zone} /> <FormattedTime value={at} hour="2-digit" minute="2-digit" timeZoneName="short" {...zone} />
    </>
  );
}

export function TimeStamp({ at }: { readonly at: string }) {
  const t = useT();
  const intl = useIntl();
  const seat = useSeat();
  if (at === UNKNOWN_TIME) return <span className="time unknown">{t('time.unknown')}</span>;
  const local = (
    <time dateTime={at}>
      <DateAndTime at={at} />
    </time>
  );
  if (!seat) return <span className="time">{local}</span>;
  const readerZone = intl.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <span className="time">
      {seat.timeZone === readerZone ? (
        <FormattedMessage id="time.same" values={{ time: local, place: seat.place }} />
      ) : (
        <FormattedMessage id="time.both" values={{ time: local, place: seat.place, seatTime: <DateAndTime at={at} timeZone={seat.timeZone} /> }} />
      )}
    </span>
  );
}
