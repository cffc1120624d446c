import { describe, expect, it } from 'vitest';
import { seedState } from '../../../test/support/catalogue.ts';
import { deriveCatalogue } from './derive-catalogue.ts';
import { searchCatalogue, type CatalogueHit } from './search-catalogue.ts';

const catalogue = deriveCatalogue(seedState());
const brief = (hits: readonly CatalogueHit[]): string[] => hits.map((h) => `${h.kind} ${h.label ?? h.title} [${h.field}] ${h.excerpt.slice(h.start, h.end)}`);

describe('searchCatalogue', () => {
  it('ignores case and diacritics, and shows the words as written', () => {
    expect(brief(searchCatalogue(catalogue, 'ÉPIDÉMIOLOGICAL'))).toEqual([
      'area Epidemiological safety, public health and pharmaceuticals [title] Epidemiological',
      'measure 2.2.14 [text] epidemiological',
    ]);
  });

  it('ignores typographic quotes: "CV’s" finds "CV\'s"', () => {
    expect(brief(searchCatalogue(catalogue, 'CV’s'))).toEqual(["sub-measure 2.1.4 c) [text] CV's"]);
  });

  it('finds dimensions and areas by their names', () => {
    expect(brief(searchCatalogue(catalogue, 'human dimension', { kinds: ['dimension', 'area'] }))).toEqual(['dimension 2.5 [title] Human']);
    expect(brief(searchCatalogue(catalogue, 'tourism', { kinds: ['area'] }))).toEqual(['area Tourism [title] Tourism']);
  });

  it('finds measures by number, level by level: 2.2.1 is not 2.2.10', () => {
    expect(searchCatalogue(catalogue, '2.2.1').map((h) => h.label)).toEqual(['2.2.1', '2.2.1']);
    expect(searchCatalogue(catalogue, '2.1.1').map((h) => h.label)).toEqual(['2.1.1', '2.1.1 a)', '2.1.1 c)', '2.1.1 d)']);
    const dimension = searchCatalogue(catalogue, '2.4');
    expect(dimension.map((h) => h.label)).toEqual(['2.4', '2.4.1', '2.4.2', '2.4.3', '2.4.4', '2.4.5', '2.4.6']);
    expect(dimension.every((h) => h.field === 'label')).toBe(true);
  });

  it('finds words that are still only proposed, in brackets, and says so', () => {
    const [hit, ...rest] = searchCatalogue(catalogue, 'scada');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ kind: 'measure', label: '2.3.3', field: 'proposed' });
    expect(hit!.excerpt.slice(hit!.start, hit!.end)).toBe('SCADA');
    expect(searchCatalogue(catalogue, 'scada', { includeProposed: false })).toEqual([]);
  });

  it('needs every word, and lets a measure take words from its area and dimension titles', () => {
    expect(brief(searchCatalogue(catalogue, 'energy pipeline'))).toEqual(['measure 2.3.3 [text] pipeline']);
    expect(searchCatalogue(catalogue, 'pipeline tourism')).toEqual([]);
    // A word only a title holds finds the area, not every measure under it (2.3.8 says "agricultural").
    expect(brief(searchCatalogue(catalogue, 'agriculture'))).toEqual(['area Agriculture [title] Agriculture']);
  });

  it('gives the matched item, its place in the catalogue and an excerpt around the match', () => {
    const [hit] = searchCatalogue(catalogue, 'archeological');
    expect(hit).toMatchObject({ kind: 'measure', label: '2.5.6', field: 'text' });
    const human = catalogue.dimensions[4]!;
    expect(hit).toMatchObject({ dimensionId: human.id, areaId: human.areas[0]!.id, provisionId: human.areas[0]!.measures[5]!.provisionId });
    expect(hit!.excerpt).toBe('Organization of joint archeological expeditions for unearthing the common cultural heritage.');
  });

  it('puts numbers first, then titles, then text, each in document order, and honours the limit', () => {
    const hits = searchCatalogue(catalogue, 'security');
    const fields = hits.map((h) => h.field);
    expect(fields).toEqual([...fields].sort((a, b) => ['label', 'title', 'text', 'proposed'].indexOf(a) - ['label', 'title', 'text', 'proposed'].indexOf(b)));
    expect(hits.slice(0, 2).map((h) => h.title)).toEqual(['Security of and in the use of ICTs', 'Energy security']);
    expect(searchCatalogue(catalogue, 'security', { limit: 3 })).toHaveLength(3);
    expect(searchCatalogue(catalogue, '   ')).toEqual([]);
  });
});
