/** Names of the notations, and the switch between them on the document screen (see feature-messages.ts). */
import { featureMessages } from './i18n/feature-messages.ts';

export const notationMessages = featureMessages({
  en: {
    'notation.label': 'Notation',
    'notation.parley': 'Parley (coloured brackets)',
    'notation.cica': 'CICA: [words] (+ISR) after each bracket',
    'notation.un': 'UN compilation text: [words] – G77; US: delete',
    'notation.name.cica': 'CICA',
    'notation.name.un': 'UN',
    'notation.textLabel': 'The text in the {notation} notation, read-only',
  },
  ru: {
    'notation.label': 'Нотация',
    'notation.parley': 'Parley (цветные скобки)',
    'notation.cica': 'СВМДА: [слова] (+ISR) после каждой скобки',
    'notation.un': 'Компиляционный текст ООН: [слова] – G77; US: delete',
    'notation.name.cica': 'СВМДА',
    'notation.name.un': 'ООН',
    'notation.textLabel': 'Текст в нотации {notation}, только для чтения',
  },
  kk: {
    'notation.label': 'Белгілеу жүйесі',
    'notation.parley': 'Parley (түрлі-түсті жақшалар)',
    'notation.cica': 'АӨСШК: әр жақшадан кейін [сөздер] (+ISR)',
    'notation.un': 'БҰҰ компиляциялық мәтіні: [сөздер] – G77; US: delete',
    'notation.name.cica': 'АӨСШК',
    'notation.name.un': 'БҰҰ',
    'notation.textLabel': '{notation} белгілеу жүйесіндегі мәтін, тек оқуға арналған',
  },
});
