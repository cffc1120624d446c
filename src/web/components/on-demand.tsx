/**
 * Screens and panels that are not part of a document's first screen, each loaded (as a
 * script of its own) the first time it is shown: what a reader waits for before the text
 * appears is the text and what draws it. The panels opened from the text, a proposal's and
 * a provision's (a few kilobytes), are not split off, so that the first click on a bracket
 * or a label never shows "loading"; a proposal's record (its history) is fetched once the
 * text is shown, while the browser is idle ({@link preloadProposalRecord}).
 */
import { createElement, lazy, useState, type ComponentType } from 'react';
import { useT } from '../i18n/use-t.ts';

interface OnDemand<P> {
  readonly Component: ComponentType<P>;
  readonly load: () => Promise<unknown>;
}

/** What stands where a part could not be loaded: a script gone after the server was updated, say. */
function LoadFailed() {
  const t = useT();
  return (
    <p role="alert" className="error">
      {t('error.loadFailed')}
    </p>
  );
}

/**
 * A component loaded when first drawn (it suspends meanwhile: the caller's Suspense shows
 * what stands in for it). Once its script has come — drawn before, or loaded ahead with
 * `load` — it is drawn at once: React's lazy alone would still suspend once more on its
 * first drawing. A script that cannot be loaded gives {@link LoadFailed}, not a blank page.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): OnDemand<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetch = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      () => LoadFailed,
    ));
  const Lazy = lazy(() => fetch().then((component) => ({ default: component })));
  function Component(props: P) {
    // Chosen once per instance, so that the component's state is not lost when its script arrives.
    const [chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(chosen, props);
  }
  return { Component, load: fetch };
}

const record = onDemand(() => import('./ProposalRecord.tsx').then((m) => m.ProposalRecord));
/** A proposal's history and statements (drawn in its panel). */
export const ProposalRecord = record.Component;
export const ProposeByWords = onDemand(() => import('./ProposeByWords.tsx').then((m) => m.ProposeByWords)).Component;
export const DraftsPanel = onDemand(() => import('./DraftsPanel.tsx').then((m) => m.DraftsPanel)).Component;
export const ChairConsole = onDemand(() => import('./ChairConsole.tsx').then((m) => m.ChairConsole)).Component;
export const RevisionsView = onDemand(() => import('./RevisionsView.tsx').then((m) => m.RevisionsView)).Component;
/** The language versions side by side (a tab of the document). */
export const LanguageVersions = onDemand(() => import('./LanguageVersions.tsx').then((m) => m.LanguageVersions)).Component;
/** With the engine's notations (their writers), which only this view and import need. */
export const NotationText = onDemand(() => import('./NotationText.tsx').then((m) => m.NotationText)).Component;
export const SignIn = onDemand(() => import('./SignIn.tsx').then((m) => m.SignIn)).Component;
export const DocumentList = onDemand(() => import('./DocumentList.tsx').then((m) => m.DocumentList)).Component;
export const ImportScreen = onDemand(() => import('./ImportScreen.tsx').then((m) => m.ImportScreen)).Component;
/** The catalogue in use (browse, our measures, review): a negotiator reading a document never pays for it. */
export const CatalogueArea = onDemand(() => import('../catalogue/CatalogueArea.tsx').then((m) => m.default)).Component;
export const ModalitiesArea = onDemand(() => import('../modalities/ModalitiesArea.tsx').then((m) => m.default)).Component;
export const NotificationsScreen = onDemand(() => import('../modalities/NotificationsScreen.tsx').then((m) => m.default)).Component;
export const ExchangeScreen = onDemand(() => import('./ExchangeScreen.tsx').then((m) => m.default)).Component;
/** The organisation's meetings and agendas (with luxon, for the offsets of past and future dates). */
export const CalendarArea = onDemand(() => import('../calendar/CalendarArea.tsx').then((m) => m.default)).Component;
/** The notes verbales registry: list, one note (its printed page, PDF, DOCX), the secretariat's form. */
export const NotesArea = onDemand(() => import('../notes-verbales/NotesArea.tsx').then((m) => m.default)).Component;

/** Fetches the proposal record's script when the browser has nothing else to do; returns the cancellation. */
export function preloadProposalRecord(): () => void {
  const load = (): void => {
    record.load().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(load, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(load, 500);
  return () => clearTimeout(timer);
}
