/**
 * The catalogue in use, loaded on demand (React.lazy in App): measures and coordinators, a
 * state's chosen measures and reports, and the review. Loads the catalogue, coordination,
 * selections and member states once; each screen refreshes what its commands change.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, api, messageOf, type DelegationBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { pathOf, type CatalogueView } from '../routes.ts';
import { catalogueApi, type CatalogueBody, type CoordinationBody, type SelectionsBody } from './catalogue-api.ts';
import { CatalogueDataContext, type CatalogueData } from './catalogue-context.ts';
import { CatalogueBrowse } from './CatalogueBrowse.tsx';
import { OurMeasures } from './OurMeasures.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';
import './catalogue.css';

interface Props {
  readonly organisationId: string;
  readonly view: CatalogueView;
  readonly delegation: string | null;
  readonly isSecretariat: boolean;
  readonly isChair: boolean;
  readonly onNavigate: (view: CatalogueView) => void;
}

interface Loaded {
  readonly catalogue: CatalogueBody;
  readonly coordination: CoordinationBody;
  readonly selections: SelectionsBody;
  readonly delegations: readonly DelegationBody[];
}

const VIEWS: readonly CatalogueView[] = ['browse', 'measures', 'review'];
const VIEW_LABELS = { browse: 'catalogue.browse', measures: 'catalogue.measures', review: 'catalogue.review' } as const;

export default function CatalogueArea({ organisationId, view, delegation, isSecretariat, isChair, onNavigate }: Props) {
  const t = useT();
  const { locale } = useIntl();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([catalogueApi.catalogue(organisationId), catalogueApi.coordination(organisationId), catalogueApi.selections(organisationId), api.delegations(organisationId)]).then(
      ([catalogue, coordination, selections, delegations]) => !cancelled && setLoaded({ catalogue, coordination, selections, delegations }),
      (caught: unknown) => {
        if (cancelled) return;
        setError(caught instanceof ApiError && caught.problem.code === 'ERR_CATALOGUE_NOT_CONFIGURED' ? t('catalogue.notConfigured') : messageOf(caught));
      },
    );
    return () => {
      cancelled = true;
    };
    // t changes with the language only; the data does not, so it is not a reason to reload.
  }, [organisationId]);

  const setCoordination = useCallback((coordination: CoordinationBody) => setLoaded((before) => (before ? { ...before, coordination } : before)), []);
  const setSelections = useCallback((selections: SelectionsBody) => setLoaded((before) => (before ? { ...before, selections } : before)), []);

  const data = useMemo((): CatalogueData | null => {
    if (!loaded) return null;
    const names = new Map(loaded.delegations.map((d) => [d.code, locale === 'en' ? d.names.en : d.names.ru]));
    return {
      organisationId,
      delegation,
      isSecretariat,
      isChair,
      ...loaded,
      stateName: (code) => `${names.get(code) ?? code} (${code})`,
      setCoordination,
      setSelections,
    };
  }, [loaded, locale, organisationId, delegation, isSecretariat, isChair, setCoordination, setSelections]);

  return (
    <main id="content" className="catalogue">
      <h1>{t('catalogue.heading')}</h1>
      <nav aria-label={t('catalogue.sections')} className="catalogue-nav">
        <ul>
          {VIEWS.map((each) => (
            <li key={each}>
              <a
                href={pathOf({ name: 'catalogue', view: each })}
                aria-current={each === view ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  onNavigate(each);
                }}
              >
                {t(VIEW_LABELS[each])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {error ? <p role="alert">{error}</p> : null}
      {!data && !error ? <p role="status">{t('catalogue.loading')}</p> : null}
      {data ? (
        <CatalogueDataContext.Provider value={data}>
          {view === 'browse' ? <CatalogueBrowse /> : view === 'measures' ? <OurMeasures /> : <ReviewScreen />}
        </CatalogueDataContext.Provider>
      ) : null}
    </main>
  );
}
