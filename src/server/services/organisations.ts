/** Creating an organisation: its row, its delegations and the head of its event stream. */
import { createDelegationRegistry } from '../../core/index.ts';
import type { Db } from '../db/database.ts';
import { delegations, organisations, type MembershipRole } from '../db/schema.ts';
import { EventStore } from '../store/event-store.ts';
import { GENESIS_HASH } from '../store/hash-chain.ts';

export interface NewOrganisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly seat: string;
  readonly seatTimeZone: string;
  readonly workingLanguages: readonly string[];
  readonly notesLanguage: string;
  /** ISO alpha-3 codes of the member states. */
  readonly members: readonly string[];
  readonly aliases: Readonly<Record<string, string>>;
  readonly secondFactorRequiredFor?: readonly MembershipRole[];
}

export async function createOrganisation(db: Db, input: NewOrganisation, now: Date): Promise<void> {
  const registry = createDelegationRegistry({ aliases: input.aliases });
  const rows = input.members.map((code) => {
    const delegation = registry.get(code);
    if (!delegation) throw new RangeError(`${code} is not a known delegation code.`);
    return { organisationId: input.id, code, nameEn: delegation.names.en, nameRu: delegation.names.ru };
  });
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({
      id: input.id,
      slug: input.slug,
      name: input.name,
      seat: input.seat,
      seatTimeZone: input.seatTimeZone,
      workingLanguages: [...input.workingLanguages],
      notesLanguage: input.notesLanguage,
      settings: { secondFactorRequiredFor: [...(input.secondFactorRequiredFor ?? [])], aliases: { ...input.aliases } },
      createdAt: now,
    });
    if (rows.length > 0) await tx.insert(delegations).values(rows);
    await EventStore.createStream(tx, input.id, GENESIS_HASH);
  });
}
