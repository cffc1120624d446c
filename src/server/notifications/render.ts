/**
 * A notification's subject and text in one language, from its kind and params: ICU messages
 * (messages.ts) formatted by intl-messageformat, with dates in the organisation's seat zone
 * through Intl (the tz database), never a fixed offset.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { ModalityEventType } from '../../core/index.ts';
import type { NotificationKind, NotificationLanguage } from '../../protocol/notifications.ts';
import { DATE_PARAMS, NOTIFICATION_MESSAGES, STEP_NAMES } from './messages.ts';

export interface RenderedNotification {
  readonly title: string;
  readonly body: string;
}

const compiled = new Map<string, IntlMessageFormat>();

function formatter(message: string, language: NotificationLanguage, timeZone: string): IntlMessageFormat {
  const key = `${language}\u0000${timeZone}\u0000${message}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, language, {
      date: { seat: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' } },
    });
    compiled.set(key, format);
  }
  return format;
}

function values(kind: NotificationKind, params: Readonly<Record<string, string | number>>, language: NotificationLanguage): Record<string, string | number | Date> {
  const result: Record<string, string | number | Date> = { ...params };
  for (const name of DATE_PARAMS) {
    const value = params[name];
    if (typeof value === 'string') result[name] = new Date(value);
  }
  if (kind === 'deadline-approaching' && typeof params['step'] === 'string' && params['step'] in STEP_NAMES[language]) {
    result['step'] = STEP_NAMES[language][params['step'] as ModalityEventType];
  }
  return result;
}

export function renderNotification(
  kind: NotificationKind,
  params: Readonly<Record<string, string | number>>,
  language: NotificationLanguage,
  timeZone: string,
): RenderedNotification {
  const messages = NOTIFICATION_MESSAGES[language][kind];
  const given = values(kind, params, language);
  return {
    title: String(formatter(messages.subject, language, timeZone).format(given)),
    body: String(formatter(messages.body, language, timeZone).format(given)),
  };
}
