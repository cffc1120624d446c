/** The organisation's languages, as the seed uses them: English, Russian, Kazakh. */
export const LANGUAGES = ['en', 'ru', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language of the organisation. */
export type Localized = Readonly<Record<Language, string>>;

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
