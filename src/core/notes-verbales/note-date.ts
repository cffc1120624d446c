import type { Language } from '../meetings/languages.ts';

/**
 * A note's date the way each language writes it in the seed: "28 May 2021", "28 мая 2021 г.",
 * "2021 жылғы 28 мамыр". Month names are data here rather than Intl output, because ICU's
 * Kazakh and Russian forms vary between versions and a note must read the same everywhere.
 */
const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
};

export function formatNoteDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`"${isoDate}" is not a date; write it as YYYY-MM-DD, e.g. 2021-05-28.`);
  }
  const name = MONTHS[language][month - 1] ?? '';
  if (language === 'ru') return `${day} ${name} ${year} г.`;
  if (language === 'kk') return `${year} жылғы ${day} ${name}`;
  return `${day} ${name} ${year}`;
}
