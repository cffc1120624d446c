/** The shell: who is signed in, the language switch, and which screen shows. */
import { Suspense, useEffect, useState } from 'react';
import { api, type MeBody } from '../api.ts';
import { takeMe } from '../early-requests.ts';
import { useLocaleChoice } from '../i18n/LocaleProvider.tsx';
import { LOCALE_NAMES, LOCALES, isLocale } from '../i18n/locales.ts';
import { useT } from '../i18n/use-t.ts';
import type { MessageId } from '../i18n/en.ts';
import { followProvisionFragment } from '../provision-fragment.ts';
import { parseRoute, pathOf, type Route } from '../routes.ts';
import { DocumentScreen } from './DocumentScreen.tsx';
import { useUnreadCount } from '../modalities/unread-count.ts';
import { CalendarArea, CatalogueArea, DocumentList, ExchangeScreen, ImportScreen, ModalitiesArea, NotesArea, NotificationsScreen, SignIn } from './on-demand.tsx';


function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocaleChoice();
  return (
    <label className="language">
      {t('language.label')}{' '}
      <select value={locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App() {
  const t = useT();
  const [me, setMe] = useState<MeBody | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  useEffect(() => {
    takeMe().then(setMe, () => setMe(null));
    const onPop = (): void => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  // A link to a provision (from the catalogue) opens the document at that provision.
  useEffect(() => (route.name === 'document' ? followProvisionFragment() : undefined), [route]);
  const go = (next: Route): void => {
    history.pushState(null, '', pathOf(next));
    setRoute(next);
  };
  const signedIn = me?.secondFactor === 'passed' || me?.secondFactor === 'not-required';
  const membership = me?.memberships[0];
  const delegation = me?.memberships.find((m) => m.role === 'delegate')?.delegation ?? null;
  const isChair = me?.memberships.some((m) => m.role === 'chair') ?? false;
  const isSecretariat = me?.memberships.some((m) => m.role === 'secretariat') ?? false;
  const { unread, refresh: refreshUnread } = useUnreadCount(signedIn && membership ? membership.organisationId : null);
  // The server decides (rule document.create); this only spares others a button that would be refused.
  const canImport = membership !== undefined && (me?.memberships.some((m) => m.organisationId === membership.organisationId && m.role === 'secretariat') ?? false);

  /** The main sections, in the order of the header. */
  const sections: readonly { readonly to: Route; readonly label: MessageId; readonly current: boolean }[] = [
    { to: { name: 'documents' }, label: 'catalogue.navDocuments', current: route.name === 'documents' || route.name === 'document' },
    { to: { name: 'catalogue', view: 'browse' }, label: 'catalogue.nav', current: route.name === 'catalogue' },
    { to: { name: 'exchange', submissionId: null }, label: 'exchange.nav', current: route.name === 'exchange' },
    { to: { name: 'meetings', meetingId: null }, label: 'calendar.nav', current: route.name === 'meetings' },
    { to: { name: 'notes', noteId: null }, label: 'notes.nav', current: route.name === 'notes' },
    { to: { name: 'modalities', processId: null }, label: 'modalities.nav', current: route.name === 'modalities' },
    { to: { name: 'notifications' }, label: 'notifications.nav', current: route.name === 'notifications' },
  ];

  return (
    <>
      <a className="skip" href="#content">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        {signedIn && me ? (
          <span className="who" data-testid="who">
            {t('user.summary', {
              name: me.user.displayName,
              delegation: membership?.delegation ?? t('user.noDelegation'),
              role: me.memberships.map((m) => t(`role.${m.role}`)).join(', '),
            })}
          </span>
        ) : null}
        {signedIn && membership ? (
          <nav aria-label={t('catalogue.mainNav')} className="app-nav">
            {sections.map(({ to, label, current }) => (
              <a
                key={label}
                href={pathOf(to)}
                aria-current={current ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(to);
                }}
              >
                {t(label)}
                {to.name === 'notifications' ? (
                  // Its room is kept while the count is unknown or nil: the header must not change height under a reader (or a chair's scroll).
                  <span className="unread-count"> {t('notifications.navUnread', { count: unread })}</span>
                ) : null}
              </a>
            ))}
          </nav>
        ) : null}
        <LanguageSwitch />
        {me ? (
          <button type="button" onClick={() => void api.logout().then(() => setMe(null))}>
            {t('signout')}
          </button>
        ) : null}
      </header>
      <Suspense fallback={null}>
      {me === undefined ? null : !signedIn || !me ? (
        <main id="content">
          <SignIn pending={me} onSignedIn={setMe} />
        </main>
      ) : route.name === 'document' ? (
        <DocumentScreen key={route.documentId} documentId={route.documentId} delegation={delegation} isChair={isChair} isSecretariat={isSecretariat} userId={me.user.id} onBack={() => go({ name: 'documents' })} />
      ) : route.name === 'catalogue' && membership ? (
        <Suspense fallback={<p role="status">{t('catalogue.loading')}</p>}>
          <CatalogueArea
            organisationId={membership.organisationId}
            view={route.view}
            delegation={delegation}
            isSecretariat={me.memberships.some((m) => m.role === 'secretariat')}
            isChair={isChair}
            onNavigate={(view) => go({ name: 'catalogue', view })}
          />
        </Suspense>
      ) : route.name === 'exchange' && membership ? (
        <ExchangeScreen organisationId={membership.organisationId} delegation={delegation} submissionId={route.submissionId} onOpen={(submissionId) => go({ name: 'exchange', submissionId })} />
      ) : route.name === 'meetings' && membership ? (
        <Suspense fallback={<p role="status">{t('calendar.loading')}</p>}>
          <CalendarArea
            organisationId={membership.organisationId}
            meetingId={route.meetingId}
            isSecretariat={me.memberships.some((m) => m.role === 'secretariat')}
            isChair={isChair}
            delegation={delegation}
            onOpen={(meetingId) => go({ name: 'meetings', meetingId })}
            onOpenDocument={(documentId) => go({ name: 'document', documentId })}
          />
        </Suspense>
      ) : route.name === 'notes' && membership ? (
        <Suspense fallback={<p role="status">{t('notes.loading')}</p>}>
          <NotesArea
            organisationId={membership.organisationId}
            noteId={route.noteId}
            isSecretariat={me.memberships.some((m) => m.organisationId === membership.organisationId && m.role === 'secretariat')}
            onOpen={(noteId) => go({ name: 'notes', noteId })}
          />
        </Suspense>
      ) : route.name === 'modalities' && membership ? (
        <ModalitiesArea
          organisationId={membership.organisationId}
          processId={route.processId}
          delegation={delegation}
          isSecretariat={isSecretariat}
          isChair={isChair}
          onOpen={(processId) => go({ name: 'modalities', processId })}
        />
      ) : route.name === 'notifications' && membership ? (
        <NotificationsScreen organisationId={membership.organisationId} onChanged={refreshUnread} />
      ) : route.name === 'import' && membership && canImport ? (
        <ImportScreen organisationId={membership.organisationId} onSaved={(documentId) => go({ name: 'document', documentId })} onBack={() => go({ name: 'documents' })} />
      ) : membership ? (
        <DocumentList organisationId={membership.organisationId} onOpen={(documentId) => go({ name: 'document', documentId })} onImport={canImport ? () => go({ name: 'import' }) : null} />
      ) : null}
      </Suspense>
    </>
  );
}
