/**
 * Checks a verification bundle on its own, with no server and no database: the chain runs
 * from the first event to the head without a gap; each event written out hashes, from the
 * hash before it, to the hash the chain holds; the last hash is the head. A bundle that
 * passes proves that the events written out in it are, word for word and in that place, in
 * the log whose head it names — to anyone who holds the same head from another source (a
 * second state's bundle, the secretariat's published head).
 */
import type { ParleyEvent } from '../../core/events/event.ts';
import { VerificationBundle } from '../../protocol/verification-bundle.ts';
import { chainHash, GENESIS_HASH } from './hash-chain.ts';

export interface BundleReport {
  readonly ok: boolean;
  /** Events written out whose hash was recomputed. */
  readonly verified: number;
  /** Events present as their hash only. */
  readonly sealed: number;
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly party: string | null;
  /** The first problem found, in words a person can act on. */
  readonly problem: string | null;
}

export function verifyBundle(input: unknown): BundleReport {
  const parsed = VerificationBundle.safeParse(input);
  const fail = (problem: string, counts: { verified: number; sealed: number } = { verified: 0, sealed: 0 }): BundleReport => ({
    ok: false,
    ...counts,
    head: parsed.success ? parsed.data.head : null,
    party: parsed.success ? parsed.data.party : null,
    problem,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`This is not a Parley verification bundle: ${issue.path.length > 0 ? `at ${issue.path.join('.')}: ` : ''}${issue.message}.`);
  }
  const bundle = parsed.data;
  let previous = GENESIS_HASH;
  let verified = 0;
  let sealed = 0;
  for (const [index, entry] of bundle.entries.entries()) {
    if (entry.seq !== index + 1) {
      return fail(`The chain is broken before event #${entry.seq}: event #${index + 1} should come next.`, { verified, sealed });
    }
    if ('event' in entry) {
      const recomputed = chainHash(previous, { seq: entry.seq, documentId: entry.stream, docVersion: entry.version, event: entry.event as unknown as ParleyEvent });
      if (recomputed !== entry.hash) {
        return fail(
          `Event #${entry.seq} (${String(entry.event.type)}, ${entry.stream} version ${entry.version}) does not match the chain: it was altered, or an event before it was.`,
          { verified, sealed },
        );
      }
      verified += 1;
    } else sealed += 1;
    previous = entry.hash;
  }
  const last = bundle.entries.length;
  if (last !== bundle.head.seq) return fail(`The bundle holds ${last} events but its head is #${bundle.head.seq}: events are missing from its end.`, { verified, sealed });
  if (previous !== bundle.head.hash) return fail(`The last event's hash is not the head's (#${bundle.head.seq}): the chain was altered.`, { verified, sealed });
  return { ok: true, verified, sealed, head: bundle.head, party: bundle.party, problem: null };
}
