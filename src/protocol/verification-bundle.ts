/**
 * A state's verification bundle: its organisation's hash chain from the first event to the
 * head, with the events that concern the state written out in full and every other event
 * as its hash alone. Whoever holds it can check, without the server, that each event of
 * theirs sits in the chain where the bundle says, unaltered (`parley verify-log --bundle`).
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'parley-verification-bundle/1';

const Hash = z.string().regex(/^[0-9a-f]{64}$/u, 'a SHA-256 hash: 64 lowercase hexadecimal digits');
const Seq = z.number().int().positive();

/** An event of the state's: what its hash was computed from. */
export const FullEntry = z.object({
  seq: Seq,
  hash: Hash,
  stream: z.string().min(1),
  version: z.number().int().positive(),
  event: z.record(z.string(), z.unknown()),
});

/** Any other event: its place and hash, nothing of what it says. */
export const SealedEntry = z.object({ seq: Seq, hash: Hash });

export const VerificationBundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  organisationId: z.string().min(1),
  /** The state (ISO 3166-1 alpha-3) or 'SECRETARIAT' the bundle was made for. */
  party: z.string().min(1),
  generatedAt: z.iso.datetime(),
  /** The organisation's stream head when the bundle was made: compare it with one another party holds. */
  head: z.object({ seq: z.number().int().nonnegative(), hash: Hash }),
  entries: z.array(z.union([FullEntry, SealedEntry])),
});

export type VerificationBundle = z.infer<typeof VerificationBundle>;
export type FullEntry = z.infer<typeof FullEntry>;
export type SealedEntry = z.infer<typeof SealedEntry>;
