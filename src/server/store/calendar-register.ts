/**
 * The calendar's register: the meetings of one organisation's bodies, their agendas,
 * attendance and decisions, folded by src/core/meetings. The store replays with no scope
 * (`null`): each event was checked against the members, documents and tz database of its day
 * when it was appended (services/calendar.ts), and later changes must not make the log unreadable.
 */
import { emptyCalendarState, tryApplyCalendarEvent, type CalendarEvent, type CalendarState } from '../../core/index.ts';
import type { RegisterDomain } from './register-store.ts';

export const CALENDAR_REGISTER: RegisterDomain<CalendarState, CalendarEvent> = {
  kind: 'calendar',
  empty: emptyCalendarState,
  apply(state, event) {
    const result = tryApplyCalendarEvent(state, event, null);
    return result.ok ? null : result.rejection;
  },
};
