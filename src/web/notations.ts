/**
 * The notations the engine writes (src/core/notations/registry.ts) as the web app offers
 * them: in import, and as a way to read a document. Their names are messages, so a notation
 * the engine gains shows up here only once it has a name in every language.
 *
 * The list is the wire's (protocol's `Notation`), whose every member the records below must
 * name, rather than the engine's registry: reading the registry would bring every notation's
 * reader and writer into the document screen's first script. notations.test.ts checks that
 * both lists agree.
 */
import type { z } from 'zod';
import type { Notation } from '../protocol/schemas.ts';
import type { MessageId } from './i18n/en.ts';

export type NotationId = z.infer<typeof Notation>;

const DESCRIPTIONS: Readonly<Record<NotationId, MessageId>> = { cica: 'notation.cica', un: 'notation.un' };
const NAMES: Readonly<Record<NotationId, MessageId>> = { cica: 'notation.name.cica', un: 'notation.name.un' };

export function isNotationId(id: string | null | undefined): id is NotationId {
  return id !== null && id !== undefined && Object.hasOwn(DESCRIPTIONS, id);
}

/** The engine's notations that have names, in the engine's order. */
export function notationChoices(): NotationId[] {
  return Object.keys(DESCRIPTIONS).filter(isNotationId);
}

export function notationDescription(id: NotationId): MessageId {
  return DESCRIPTIONS[id];
}

export function notationName(id: NotationId): MessageId {
  return NAMES[id];
}
