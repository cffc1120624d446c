/** The organisation's language a locale reads in: agenda wording and body names are kept in these three. */
import type { Language } from '../../core/index.ts';

export function languageOf(locale: string): Language {
  return locale === 'ru' || locale === 'kk' ? locale : 'en';
}
