import type { Localized } from './languages.ts';

/**
 * The bodies of the organisation that meet. Data, not behaviour: the modalities say which
 * body considers what, and a meeting names the body it is a sitting of.
 */
export const BODY_IDS = ['swg', 'soc', 'ministerial', 'experts'] as const;
export type BodyId = (typeof BODY_IDS)[number];

export interface Body {
  readonly id: BodyId;
  readonly name: Localized;
  /**
   * The abbreviation used in running text. Only the SWG's ("SWG", "СРГ", "АЖТ") comes from
   * the seed; the others are the secretariat's to confirm, which is why they are data here.
   */
  readonly abbreviation: Localized;
}

export const BODIES: Readonly<Record<BodyId, Body>> = {
  swg: {
    id: 'swg',
    name: { en: 'Special Working Group', ru: 'Специальная рабочая группа', kk: 'Арнаулы жұмыс тобы' },
    abbreviation: { en: 'SWG', ru: 'СРГ', kk: 'АЖТ' },
  },
  soc: {
    id: 'soc',
    name: { en: 'Committee of Senior Officials', ru: 'Комитет старших должностных лиц', kk: 'Аға лауазымды тұлғалар комитеті' },
    abbreviation: { en: 'SOC', ru: 'КСДЛ', kk: 'АЛТК' },
  },
  ministerial: {
    id: 'ministerial',
    name: { en: 'Ministerial Council', ru: 'Совещание министров иностранных дел', kk: 'Сыртқы істер министрлерінің кеңесі' },
    abbreviation: { en: 'MC', ru: 'СМИД', kk: 'СІМК' },
  },
  experts: {
    id: 'experts',
    name: { en: 'Specialized Meeting of Experts', ru: 'Специализированное совещание экспертов', kk: 'Сарапшылардың арнайы кеңесі' },
    abbreviation: { en: 'SME', ru: 'ССЭ', kk: 'САК' },
  },
};

export function isBodyId(value: string): value is BodyId {
  return (BODY_IDS as readonly string[]).includes(value);
}
