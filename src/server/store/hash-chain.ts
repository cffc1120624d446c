/**
 * Each stored event is chained to the one before it in its organisation's stream:
 * hash = SHA-256(prev_hash + canonical JSON of { seq, documentId, docVersion, event }).
 * `documentId` names the stream within the organisation's log: a document, or a register
 * (the catalogue's coordinators and choices, the information exchange), whose events chain
 * into the same log so that one verification covers all of them.
 * Changing, removing or reordering any event breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import type { LoggedEvent } from '../../core/events/event.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  readonly seq: number;
  readonly documentId: string;
  readonly docVersion: number;
  readonly event: LoggedEvent;
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  const body = canonicalJson({ seq: fields.seq, documentId: fields.documentId, docVersion: fields.docVersion, event: fields.event });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
