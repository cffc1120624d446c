/** The user's notifications (newest first, mark read) and their choices: kinds, channels, language, address. */
import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES } from '../../protocol/notifications.ts';
import { messageOf } from '../api.ts';
import { LOCALE_NAMES } from '../i18n/locales.ts';
import { useT } from '../i18n/use-t.ts';
import './modalities.css';
import { modalitiesApi, type NotificationListBody, type PreferencesBody } from './modalities-api.ts';

interface Props {
  readonly organisationId: string;
  readonly onChanged: () => void;
}

export default function NotificationsScreen({ organisationId, onChanged }: Props) {
  const t = useT();
  const intl = useIntl();
  const [list, setList] = useState<NotificationListBody | null>(null);
  const [prefs, setPrefs] = useState<PreferencesBody | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    modalitiesApi.notifications(organisationId).then(setList, (e: unknown) => setMessage(messageOf(e)));
    modalitiesApi.preferences(organisationId).then(setPrefs, (e: unknown) => setMessage(messageOf(e)));
  }, [organisationId]);
  const markRead = async (ids?: string[]) => {
    setList(await modalitiesApi.markRead(organisationId, ids));
    onChanged();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!prefs) return;
    try {
      const { emailAvailable: _shown, ...body } = prefs;
      setPrefs(await modalitiesApi.savePreferences(organisationId, { ...body, email: body.email?.trim() ? body.email.trim() : null }));
      setMessage(t('notifications.saved'));
    } catch (error) {
      setMessage(messageOf(error));
    }
  };
  return (
    <main id="content" className="notifications">
      <h1>{t('notifications.heading')}</h1>
      {message ? <p role="status">{message}</p> : null}
      {list && list.notifications.length === 0 ? <p>{t('notifications.none')}</p> : null}
      {list && list.unread > 0 ? (
        <button type="button" onClick={() => void markRead()}>
          {t('notifications.markAllRead')}
        </button>
      ) : null}
      <ul>
        {list?.notifications.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            <strong>{n.link ? <a href={n.link}>{n.title}</a> : n.title}</strong> {n.readAt ? null : <em>({t('notifications.unread')})</em>}
            <br />
            {n.body} <small>{intl.formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</small>{' '}
            {n.readAt ? null : (
              <button type="button" onClick={() => void markRead([n.id])} aria-label={`${t('notifications.markRead')}: ${n.title}`}>
                {t('notifications.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {prefs ? (
        <form onSubmit={(e) => void save(e)} aria-labelledby="notification-settings">
          <h2 id="notification-settings">{t('notifications.settings')}</h2>
          <label>
            {t('notifications.language')}{' '}
            <select value={prefs.language} onChange={(e) => setPrefs({ ...prefs, language: e.target.value as PreferencesBody['language'] })}>
              {NOTIFICATION_LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
          {prefs.emailAvailable ? (
            <label>
              {t('notifications.email')} <input type="email" value={prefs.email ?? ''} onChange={(e) => setPrefs({ ...prefs, email: e.target.value })} />
            </label>
          ) : (
            <p>{t('notifications.emailOff')}</p>
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('notifications.kind')}</th>
                <th scope="col">{t('notifications.inApp')}</th>
                <th scope="col">{t('notifications.byEmail')}</th>
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_KINDS.map((kind) => (
                <tr key={kind}>
                  <th scope="row">{t(`kind.${kind}`)}</th>
                  {(['inApp', 'email'] as const).map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={`${t(`kind.${kind}`)}: ${t(channel === 'inApp' ? 'notifications.inApp' : 'notifications.byEmail')}`}
                        checked={prefs.channels[kind][channel]}
                        disabled={channel === 'email' && !prefs.emailAvailable}
                        onChange={(e) => setPrefs({ ...prefs, channels: { ...prefs.channels, [kind]: { ...prefs.channels[kind], [channel]: e.target.checked } } })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit">{t('notifications.save')}</button>
        </form>
      ) : null}
    </main>
  );
}
