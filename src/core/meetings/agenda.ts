import type { Language } from './languages.ts';

/**
 * A meeting's agenda: a list of items the secretariat drafts and the meeting adopts (as drafted,
 * or amended and reordered first). The seed's draft agenda has the three usual kinds: the
 * adoption of the agenda, the discussion of a document, any other business.
 */
export const AGENDA_ITEM_KINDS = ['adoption-of-agenda', 'document', 'any-other-business', 'other'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/**
 * An item's wording in the languages it was written in: the seed's agenda exists in English and
 * Russian only, so a language may be missing (readers then see another one, never nothing).
 */
export type AgendaTitle = Readonly<Partial<Record<Language, string>>>;

export interface AgendaItem {
  /** Stable across amendments and reordering: decisions name it. Given by the caller (core has no randomness). */
  readonly id: string;
  readonly kind: AgendaItemKind;
  readonly title: AgendaTitle;
  /** Ids of the documents the item is about ("discussion of document X"). */
  readonly documents: readonly string[];
}

export type AgendaStatus = 'draft' | 'adopted';

const MAX_TITLE = 2000;

/** What is wrong with an item's content, or undefined. Never throws. */
export function agendaItemProblem(item: AgendaItem): string | undefined {
  if (typeof item.id !== 'string' || !item.id.trim()) return 'An agenda item needs an id.';
  if (!(AGENDA_ITEM_KINDS as readonly string[]).includes(item.kind)) {
    return `"${String(item.kind)}" is not a kind of agenda item; use ${AGENDA_ITEM_KINDS.join(', ')}.`;
  }
  const titles = Object.values(item.title).filter((title): title is string => typeof title === 'string');
  if (!titles.some((title) => title.trim())) return 'An agenda item needs a title in at least one language.';
  if (titles.some((title) => title.length > MAX_TITLE)) return `An agenda item's title has at most ${MAX_TITLE} characters.`;
  if (new Set(item.documents).size !== item.documents.length) return 'An agenda item names each document once.';
  if (item.kind === 'document' && item.documents.length === 0) return 'The discussion of a document names the document it discusses.';
  return undefined;
}

/** The item's title in `language`, else in the first language it has (English, Russian, Kazakh). */
export function agendaTitleIn(title: AgendaTitle, language: Language): string {
  return title[language]?.trim() || title.en?.trim() || title.ru?.trim() || title.kk?.trim() || '';
}
