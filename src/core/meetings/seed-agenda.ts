import type { AgendaItem } from './agenda.ts';

/**
 * The draft agenda that note verbale No. 17-1/298 forwards, in the wording of the seed (which
 * gives it in English and Russian only). Ids are the caller's: core has no randomness.
 */
export function seedSwgAgenda(documentId: string, ids: readonly [string, string, string] = ['item-1', 'item-2', 'item-3']): AgendaItem[] {
  return [
    { id: ids[0], kind: 'adoption-of-agenda', title: { en: 'Adoption of the agenda', ru: 'Утверждение Повестки дня' }, documents: [] },
    {
      id: ids[1],
      kind: 'document',
      title: {
        en: 'Discussion of the draft of the updated CICA Catalogue of Confidence Building Measures',
        ru: 'Обсуждение проекта обновленного Каталога мер доверия СВМДА',
      },
      documents: [documentId],
    },
    { id: ids[2], kind: 'any-other-business', title: { en: 'Any other business', ru: 'Разное' }, documents: [] },
  ];
}
