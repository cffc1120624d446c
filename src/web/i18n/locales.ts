/** The languages of the interface, where the choice is remembered, and the writing direction. */
import { en, type Catalogue } from './en.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

export const LOCALES = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];

export const CATALOGUES: Record<Locale, Catalogue> = { en, ru, kk };
/** Each language named in itself, so a reader who does not know the current one finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };
const RTL = new Set(['ar', 'fa', 'he', 'ur']);
export const STORAGE_KEY = 'parley.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0] ?? locale) ? 'rtl' : 'ltr';
}

/** The remembered choice, else the browser's first language we have, else English. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}
