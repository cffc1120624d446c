/**
 * The categories of information the Catalogue has the member states exchange, as data: each
 * with the paragraphs it rests on (the envelope's `legalBasis` must be one of them) and the
 * handling rules that differ between categories. Nothing else in the exchange switches on a
 * category's name: it asks this table.
 */
export type CategoryId =
  | 'armed-forces'
  | 'defence-budget'
  | 'foreign-contingents'
  | 'military-activity'
  | 'observer-invitation'
  | 'observer-invitation-reply'
  | 'incident-consultation'
  | 'incident-consultation-reply'
  | 'military-cv'
  | 'instrument-status'
  | 'points-of-contact'
  | 'disaster';

export interface Category {
  readonly id: CategoryId;
  /** Catalogue paragraphs this category of information rests on, as the seed numbers them. */
  readonly legalBases: readonly string[];
  /** English name, for logs and messages; the web app has its own translated names. */
  readonly title: string;
  /**
   * Reported once per period (`envelope.period`), so a state may send a nil report or say
   * "no change since my last report" instead of a full one.
   */
  readonly periodic: boolean;
  /**
   * Personal data (2.1.4 c): seen only by the states named when it was sent — never widened by
   * consent, never passed to the secretariat — and unreadable by anyone after `retainUntil`.
   */
  readonly personalData: boolean;
  /** 2.1.1 c: each foreign contingent's deploying state must have permitted the release first. */
  readonly needsDeployingStatePermission: boolean;
  /** Always urgent and routed at once (2.4.3). */
  readonly alwaysUrgent: boolean;
  /** A request the addressees answer within a period set by the organisation: the reply category. */
  readonly replyCategory: CategoryId | null;
  /** A reply: the request category it must answer (`replyTo`). */
  readonly answers: CategoryId | null;
}

function category(id: CategoryId, title: string, legalBases: readonly string[], rules: Partial<Omit<Category, 'id' | 'title' | 'legalBases'>> = {}): Category {
  return {
    id,
    title,
    legalBases,
    periodic: false,
    personalData: false,
    needsDeployingStatePermission: false,
    alwaysUrgent: false,
    replyCategory: null,
    answers: null,
    ...rules,
  };
}

export const CATEGORIES: Readonly<Record<CategoryId, Category>> = {
  'armed-forces': category('armed-forces', 'Components of armed forces', ['2.1.1 a'], { periodic: true }),
  'defence-budget': category('defence-budget', 'Defence budget', ['2.1.1 b'], { periodic: true }),
  'foreign-contingents': category('foreign-contingents', 'Presence of foreign military contingents', ['2.1.1 c'], {
    periodic: true,
    needsDeployingStatePermission: true,
  }),
  'military-activity': category('military-activity', 'Notification of planned military activities and exercises', ['2.1.1 d']),
  'observer-invitation': category('observer-invitation', 'Invitation of observers to a military exercise', ['2.1.2'], {
    replyCategory: 'observer-invitation-reply',
  }),
  'observer-invitation-reply': category('observer-invitation-reply', 'Reply to an invitation of observers', ['2.1.2'], {
    answers: 'observer-invitation',
  }),
  'incident-consultation': category('incident-consultation', 'Consultation request on a hazardous incident', ['2.1.3'], {
    replyCategory: 'incident-consultation-reply',
  }),
  'incident-consultation-reply': category('incident-consultation-reply', 'Reply to a consultation request', ['2.1.3'], {
    answers: 'incident-consultation',
  }),
  'military-cv': category('military-cv', 'CV of top military personnel', ['2.1.4 c'], { personalData: true }),
  'instrument-status': category('instrument-status', 'Status of accession to or ratification of instruments', ['2.1.5', '2.2.6'], {
    periodic: true,
  }),
  'points-of-contact': category('points-of-contact', 'National authorities and points of contact', ['2.3.5', '2.4.4'], { periodic: true }),
  disaster: category('disaster', 'Natural or industrial disaster that may affect neighbours', ['2.4.3'], { alwaysUrgent: true }),
};

export const CATEGORY_IDS = Object.keys(CATEGORIES) as CategoryId[];

export function isCategoryId(value: string): value is CategoryId {
  return Object.hasOwn(CATEGORIES, value);
}
