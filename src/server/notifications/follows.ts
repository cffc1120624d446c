/**
 * Following a provision: a user follows or unfollows a paragraph of a document they can read,
 * and a proposal made on it notifies the followers — the proposer excepted, and an observer
 * only while the document is circulated to observers (to them it does not exist otherwise).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, ProposalInput } from '../../core/index.ts';
import type { Context } from '../context.ts';
import type { Db } from '../db/database.ts';
import { documents, memberships, provisionFollows } from '../db/schema.ts';

export async function follow(db: Db, userId: string, documentId: string, provisionId: string, now: Date): Promise<void> {
  await db.insert(provisionFollows).values({ userId, documentId, provisionId, createdAt: now }).onConflictDoNothing();
}

export async function unfollow(db: Db, userId: string, documentId: string, provisionId: string): Promise<void> {
  await db.delete(provisionFollows).where(and(eq(provisionFollows.userId, userId), eq(provisionFollows.documentId, documentId), eq(provisionFollows.provisionId, provisionId)));
}

export async function followedProvisions(db: Db, userId: string, documentId: string): Promise<string[]> {
  const rows = await db
    .select({ provisionId: provisionFollows.provisionId })
    .from(provisionFollows)
    .where(and(eq(provisionFollows.userId, userId), eq(provisionFollows.documentId, documentId)))
    .orderBy(provisionFollows.provisionId);
  return rows.map((row) => row.provisionId);
}

/** The provisions a proposal is about: where its words are, what a remark is about, what it is an alternative to, what it deletes or moves. */
export function provisionsOfProposal(input: Pick<ProposalInput, 'anchor' | 'provisionIds' | 'about'>, alternativeTo: string | null | undefined): string[] {
  const ids = new Set<string>();
  if (input.anchor) ids.add(input.anchor.provisionId);
  if (input.about) ids.add(input.about);
  if (alternativeTo) ids.add(alternativeTo);
  for (const id of input.provisionIds ?? []) ids.add(id);
  return [...ids];
}

export interface ProposalNews {
  readonly organisationId: string;
  readonly documentId: string;
  readonly proposalId: string;
  readonly actor: Actor;
  readonly provisionIds: readonly string[];
}

/** Tells the followers of the provisions a committed proposal is about. Never throws. */
export async function notifyFollowers(context: Pick<Context, 'database' | 'store' | 'notifications'>, news: ProposalNews): Promise<void> {
  if (news.provisionIds.length === 0) return;
  try {
    const db = context.database.db;
    const followers = await db
      .select({ userId: provisionFollows.userId, provisionId: provisionFollows.provisionId })
      .from(provisionFollows)
      .where(and(eq(provisionFollows.documentId, news.documentId), inArray(provisionFollows.provisionId, [...news.provisionIds])));
    if (followers.length === 0) return;
    const [doc] = await db.select({ title: documents.title, circulated: documents.circulatedToObservers }).from(documents).where(eq(documents.id, news.documentId));
    if (!doc) return;
    const readers = new Set(
      (
        await db
          .select({ userId: memberships.userId, role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.organisationId, news.organisationId), inArray(memberships.userId, [...new Set(followers.map((f) => f.userId))])))
      )
        .filter((m) => m.role !== 'observer' || doc.circulated)
        .map((m) => m.userId),
    );
    const state = await context.store.read(news.documentId);
    for (const provisionId of news.provisionIds) {
      const userIds = followers.filter((f) => f.provisionId === provisionId && readers.has(f.userId)).map((f) => f.userId);
      if (userIds.length === 0) continue;
      const provision = state?.provisions.get(provisionId);
      await context.notifications.notify({
        organisationId: news.organisationId,
        kind: 'followed-proposal',
        params: { delegation: news.actor.delegation ?? 'chair', provision: provision?.label ?? provision?.text.slice(0, 40) ?? provisionId, document: doc.title },
        audience: { userIds, exceptUserIds: [news.actor.user] },
        link: `/documents/${encodeURIComponent(news.documentId)}#provision-${encodeURIComponent(provisionId)}`,
        dedupeKey: `proposal:${news.documentId}:${news.proposalId}:${provisionId}`,
      });
    }
  } catch (error) {
    context.notifications.reportError(error, 'notifying the followers of a provision');
  }
}
