/** Notes verbales for tests. */

/** A short note to named states, in the three languages. */
export function shortNote(states: string[] | null, subject = 'Consultations on the draft Catalogue') {
  const lines = (text: string) => ({ en: [text], ru: [text], kk: [text] });
  const all = (text: string) => ({ en: text, ru: text, kk: text });
  return {
    fileIndex: '05-3',
    date: '2021-06-10',
    subject: { en: subject, ru: 'Консультации по проекту Каталога', kk: 'Каталог жобасы бойынша консультациялар' },
    addressees: states === null ? { kind: 'all-members' } : { kind: 'states', states },
    addressee: { en: 'the Embassy', ru: 'Посольству', kk: 'Елшілігіне' },
    addresseeBlock: lines('EMBASSY'),
    purpose: all('inform about consultations'),
    enclosures: [],
  };
}
