/** Messages of the keyboard's way to point at words (ProposeByWords.tsx). */
import { featureMessages } from '../i18n/feature-messages.ts';

export const proposeByWordsMessages = featureMessages({
  en: {
    'words.summary': 'Point at words by paragraph number',
    'words.paragraph': 'Paragraph number (e.g. 2.2.2)',
    'words.words': 'Words, as written in the paragraph (outside brackets)',
    'words.on': 'to delete or replace them',
    'words.after': 'to insert after them',
    'words.find': 'Choose these words',
    'words.noParagraph': 'There is no paragraph numbered “{label}”.',
    'words.noWords': 'These words are not in the paragraph’s own text. Type them as written, outside brackets.',
    'words.ambiguous': '{count, plural, one {These words occur # time} other {These words occur # times}} in the paragraph: add a word before or after them.',
  },
  ru: {
    'words.summary': 'Указать слова по номеру пункта',
    'words.paragraph': 'Номер пункта (например, 2.2.2)',
    'words.words': 'Слова, как они написаны в пункте (вне скобок)',
    'words.on': 'чтобы исключить или заменить их',
    'words.after': 'чтобы вставить после них',
    'words.find': 'Выбрать эти слова',
    'words.noParagraph': 'Пункта с номером «{label}» нет.',
    'words.noWords': 'Этих слов нет в собственном тексте пункта. Введите их так, как они написаны, вне скобок.',
    'words.ambiguous': 'Эти слова встречаются в пункте {count, plural, one {# раз} few {# раза} many {# раз} other {# раза}}: добавьте слово до или после них.',
  },
  kk: {
    'words.summary': 'Сөздерді тармақ нөмірі бойынша көрсету',
    'words.paragraph': 'Тармақ нөмірі (мысалы, 2.2.2)',
    'words.words': 'Тармақта жазылғандай сөздер (жақшадан тыс)',
    'words.on': 'оларды алып тастау немесе ауыстыру үшін',
    'words.after': 'олардан кейін қосу үшін',
    'words.find': 'Осы сөздерді таңдау',
    'words.noParagraph': '«{label}» нөмірлі тармақ жоқ.',
    'words.noWords': 'Бұл сөздер тармақтың өз мәтінінде жоқ. Оларды жақшадан тыс, жазылғандай енгізіңіз.',
    'words.ambiguous': 'Бұл сөздер тармақта {count, plural, other {# рет}} кездеседі: олардың алдына немесе артына сөз қосыңыз.',
  },
});
