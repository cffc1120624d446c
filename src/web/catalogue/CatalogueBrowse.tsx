/**
 * The catalogue as a tree — dimensions → priority areas → measures — with each area's
 * coordinators beside its measures, the gaps listed first, and a search over everything.
 */
import { useId, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { AreaCoordination } from './AreaCoordination.tsx';
import { catalogueApi, today, type HitBody } from './catalogue-api.ts';
import { messageOf } from '../api.ts';
import { useCatalogueData } from './catalogue-context.ts';
import { measureAnchor, MeasureItem } from './MeasureItem.tsx';

export function CatalogueBrowse() {
  const t = useT();
  const data = useCatalogueData();
  const { catalogue, coordination } = data;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<HitBody[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [date, setDate] = useState(today());
  const dateId = useId();
  const canRecord = data.isSecretariat || data.isChair;
  const anchorOf = (hit: HitBody): string =>
    hit.kind === 'measure' ? measureAnchor(hit.id) : hit.kind === 'dimension' || hit.areaId === null ? `dimension-${hit.dimensionId}` : `area-${hit.areaId}`;

  return (
    <>
      <form
        role="search"
        className="catalogue-search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim() === '') return setHits(null);
          setSearchError(null);
          catalogueApi.search(data.organisationId, query.trim()).then(setHits, (error: unknown) => setSearchError(messageOf(error)));
        }}
      >
        <label>
          {t('catalogue.searchLabel')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>{' '}
        <button type="submit">{t('catalogue.searchButton')}</button>{' '}
        {hits ? (
          <button
            type="button"
            onClick={() => {
              setHits(null);
              setQuery('');
            }}
          >
            {t('catalogue.searchClear')}
          </button>
        ) : null}
      </form>
      {searchError ? <p role="alert">{searchError}</p> : null}
      {hits ? (
        <section aria-live="polite" className="hits">
          <p>{t('catalogue.hits', { count: hits.length })}</p>
          <ul>
            {hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}-${hit.field}`}>
                <a href={`#${anchorOf(hit)}`}>
                  {hit.label ? `${hit.label} ` : ''}
                  {hit.title}
                </a>
                : <span className="excerpt">{hit.excerpt}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="gaps" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t('catalogue.gapsHeading')}</h2>
        <p>{t('catalogue.gapsCount', { count: coordination.gaps.length })}</p>
        <ul data-testid="gaps">
          {coordination.gaps.map((area) => (
            <li key={area.areaId}>
              <a href={`#area-${area.areaId}`}>{area.title}</a>
            </li>
          ))}
        </ul>
      </section>

      {canRecord || data.delegation !== null ? (
        <p className="step-date">
          <label htmlFor={dateId}>{t('catalogue.decisionDate')}</label> <input id={dateId} type="text" inputMode="numeric" pattern="\d{4}-\d{2}-\d{2}" value={date} onChange={(e) => setDate(e.target.value)} />
        </p>
      ) : null}

      {catalogue.dimensions.map((dimension) => {
        const coordinated = coordination.dimensions.find((d) => d.dimensionId === dimension.id);
        const measuresOf = new Map(dimension.areas.map((area) => [area.id, area.measures]));
        return (
          <section key={dimension.id} className="dimension" aria-labelledby={`dimension-${dimension.id}`}>
            <h2 id={`dimension-${dimension.id}`}>
              {dimension.label} {dimension.title}
            </h2>
            {dimension.unassigned.length > 0 ? (
              <section className="area">
                <h3>{t('catalogue.unassigned')}</h3>
                <ol className="measures">
                  {dimension.unassigned.map((measure) => (
                    <MeasureItem key={measure.id} measure={measure} documentId={catalogue.documentId} />
                  ))}
                </ol>
              </section>
            ) : null}
            {(coordinated?.areas ?? []).map((area) => {
              const measures = measuresOf.get(area.areaId) ?? [];
              return (
                <section key={area.areaId} id={`area-${area.areaId}`} className={`area${area.gap ? ' gap' : ''}`} aria-labelledby={`area-title-${area.areaId}`}>
                  <h3 id={`area-title-${area.areaId}`}>
                    {area.title} <span className="meta">({t('catalogue.areaMeasures', { count: measures.length })})</span>
                  </h3>
                  <AreaCoordination area={area} date={date} />
                  {measures.length > 0 ? (
                    <ol className="measures">
                      {measures.map((measure) => (
                        <MeasureItem key={measure.id} measure={measure} documentId={catalogue.documentId} />
                      ))}
                    </ol>
                  ) : null}
                </section>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
