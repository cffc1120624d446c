import type { NoteFields } from './compose-note.ts';

/**
 * The fields of the seed's note verbale No. 17-1/298 of 28 May 2021: what the secretariat
 * typed; the template supplies the rest. The demo and the tests compose it from these.
 */
export const SEED_NOTE_FIELDS: NoteFields = {
  number: '17-1/298',
  date: '2021-05-28',
  place: { en: 'Nur-Sultan', ru: 'Нур-Султан', kk: 'Нұр-Сұлтан' },
  sender: {
    en: 'The Secretariat of the Conference on Interaction and Confidence Building Measures in Asia (CICA)',
    ru: 'Секретариат Совещания по взаимодействию и мерам доверия в Азии (СВМДА)',
    kk: 'Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің (АӨСШК) Хатшылығы',
  },
  senderShort: { en: 'The Secretariat', ru: 'Секретариат', kk: 'Хатшылық' },
  addressee: { en: 'the CICA Member States', ru: 'государствам-членам СВМДА', kk: 'АӨСШК мүше мемлекеттеріне' },
  addresseeBlock: {
    en: ['MEMBER STATES', 'OF THE CONFERENCE ON INTERACTION', 'AND CONFIDENCE BUILDING MEASURES', 'IN ASIA'],
    ru: ['ГОСУДАРСТВА-ЧЛЕНЫ', 'СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ И', 'МЕРАМ ДОВЕРИЯ В АЗИИ'],
    kk: ['АЗИЯДАҒЫ ӨЗАРА ІС-ҚИМЫЛ ЖӘНЕ', 'СЕНІМ ШАРАЛАРЫ КЕҢЕСІНІҢ МҮШЕ', 'МЕМЛЕКЕТТЕРІ'],
  },
  purpose: {
    en: 'forward the latest version of the draft of the updated CICA Catalogue of Confidence Building Measures and the draft agenda of the Special Working Group (SWG) meeting on 2 June 2021 at 14:00 by Nur-Sultan time (GMT+6 hours) in an online format',
    ru: 'препроводить последнюю версию проекта обновленного Каталога мер доверия СВМДА и проект повестки дня заседания Специальной рабочей группы (СРГ), которое состоится 2 июня 2021г. в 14:00 по времени г.Нур-Султан (GMT+6 часов) в онлайн формате',
    kk: 'жаңартылған АӨСШК сенім шаралар каталогы нұсқасының соңғы жобасын және 2021 жылғы 2 маусымда өткізілетін Арнаулы жұмыс тобы (АЖТ) отырысының күн тәртібі жобасын жолдауды',
  },
  openingContinuation: {
    kk: 'Аталмыш отырыс онлайн форматында өтетін болады және Нұр-Сұлтан қаласының уақыты бойынша (GMT+6 сағат) сағат 14.00-те басталады.',
  },
  enclosures: [{ pages: 15 }],
};
