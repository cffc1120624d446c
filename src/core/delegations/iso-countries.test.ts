import { describe, expect, it } from 'vitest';
import { isoCountry } from './iso-countries.ts';

describe('isoCountry', () => {
  it('reads codes and names from i18n-iso-countries, official name first', () => {
    expect(isoCountry('THA')).toEqual({ alpha2: 'TH', en: ['Thailand'], ru: ['Таиланд'] });
    expect(isoCountry('RUS').en).toEqual(['Russian Federation', 'Russia']);
  });

  it('fails loudly for a code the package does not know', () => {
    expect(() => isoCountry('XYZ')).toThrow(RangeError);
  });
});
