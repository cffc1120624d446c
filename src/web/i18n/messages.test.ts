/** The three catalogues: the same ids, valid ICU, and plural forms that read right. */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { CATALOGUES, directionOf, initialLocale, LOCALES } from './locales.ts';

describe('message catalogues', () => {
  it('have the same ids in every language, and each message parses', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(CATALOGUES[locale]).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [id, message] of Object.entries(CATALOGUES[locale])) {
        expect(() => new IntlMessageFormat(message, locale), `${locale} ${id}`).not.toThrow();
      }
    }
  });

  it('use the Russian one / few / many forms', () => {
    const format = (count: number): string => String(new IntlMessageFormat(CATALOGUES.ru['counts.openBrackets'], 'ru').format({ count }));
    expect([1, 2, 5, 11, 21, 22, 25].map(format)).toEqual([
      '1 открытая скобка',
      '2 открытые скобки',
      '5 открытых скобок',
      '11 открытых скобок',
      '21 открытая скобка',
      '22 открытые скобки',
      '25 открытых скобок',
    ]);
  });

  it('count the catalogue’s gaps and measures in Russian and Kazakh forms', () => {
    const gaps = (count: number): string => String(new IntlMessageFormat(CATALOGUES.ru['catalogue.gapsCount'], 'ru').format({ count }));
    expect([0, 1, 3, 5, 21].map(gaps)).toEqual([
      'У каждой области есть координатор.',
      '1 область без координатора:',
      '3 области без координатора:',
      '5 областей без координатора:',
      '21 область без координатора:',
    ]);
    expect(new IntlMessageFormat(CATALOGUES.ru['catalogue.areaMeasures'], 'ru').format({ count: 2 })).toBe('2 меры');
    expect(new IntlMessageFormat(CATALOGUES.kk['catalogue.areaMeasures'], 'kk').format({ count: 15 })).toBe('15 шара');
  });

  it('use the English and Kazakh forms', () => {
    const en1 = new IntlMessageFormat(CATALOGUES.en['counts.agreed'], 'en');
    expect(en1.format({ agreed: 3, total: 1 })).toBe('3 of 1 provision agreed');
    expect(en1.format({ agreed: 3, total: 40 })).toBe('3 of 40 provisions agreed');
    expect(new IntlMessageFormat(CATALOGUES.kk['counts.revision'], 'kk').format({ revisions: 2 })).toBe('2 редакция шығарылды');
  });
});

describe('choosing the language', () => {
  it('prefers the remembered choice, then the browser, then English', () => {
    expect(initialLocale({ getItem: () => 'kk' }, ['ru-RU'])).toBe('kk');
    expect(initialLocale({ getItem: () => null }, ['de-DE', 'ru-RU'])).toBe('ru');
    expect(initialLocale(null, ['de'])).toBe('en');
  });

  it('knows which languages are written right to left', () => {
    expect(directionOf('ru')).toBe('ltr');
    expect(directionOf('ar-EG')).toBe('rtl');
  });
});
