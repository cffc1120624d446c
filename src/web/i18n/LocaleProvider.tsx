/** Holds the interface language: react-intl for the messages, `lang` and `dir` on <html>, localStorage for the choice. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { CATALOGUES, directionOf, initialLocale, STORAGE_KEY, type Locale } from './locales.ts';

interface LocaleChoice {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleChoice>({ locale: 'en', setLocale: () => undefined });

export function useLocaleChoice(): LocaleChoice {
  return useContext(LocaleContext);
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function LocaleProvider({ children, initial }: { readonly children: ReactNode; readonly initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? initialLocale(safeStorage(), typeof navigator === 'undefined' ? [] : navigator.languages));
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  const setLocale = (next: Locale): void => {
    safeStorage()?.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  };
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider locale={locale} messages={CATALOGUES[locale]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
