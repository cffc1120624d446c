/**
 * Keeps the read tables equal to the fold of the log. The engine replaces every record it
 * changes with a new object, so what an event changed is exactly the records whose object
 * identity differs between a capture taken before and the state after — a cheap O(n)
 * reference comparison instead of knowing every cascade the engine performs.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DocumentState } from '../../core/model/document-state.ts';
import type { OptionSet } from '../../core/model/option-set.ts';
import type { Position } from '../../core/model/position.ts';
import type { Proposal } from '../../core/model/proposal.ts';
import type { Provision } from '../../core/model/provision.ts';
import type { Statement } from '../../core/model/statement.ts';
import type { Db } from '../db/database.ts';
import { optionSets, positions, proposals, provisions, revisions, statements } from '../db/schema.ts';

export interface Capture {
  readonly provisions: ReadonlyMap<string, Provision>;
  readonly proposals: ReadonlyMap<string, Proposal>;
  readonly positions: ReadonlyMap<string, Position>;
  readonly statements: ReadonlyMap<string, Statement>;
  readonly optionSets: ReadonlyMap<string, OptionSet>;
  readonly revisionCount: number;
}

const EMPTY: Capture = {
  provisions: new Map(),
  proposals: new Map(),
  positions: new Map(),
  statements: new Map(),
  optionSets: new Map(),
  revisionCount: 0,
};

export function emptyCapture(): Capture {
  return EMPTY;
}

function positionKey(proposalId: string, delegation: string): string {
  return `${proposalId}\u0000${delegation}`;
}

function flatPositions(state: DocumentState): Map<string, Position> {
  const flat = new Map<string, Position>();
  for (const byDelegation of state.positions.values()) {
    for (const position of byDelegation.values()) flat.set(positionKey(position.proposalId, position.delegation), position);
  }
  return flat;
}

export function capture(state: DocumentState): Capture {
  return {
    provisions: new Map(state.provisions),
    proposals: new Map(state.proposals),
    positions: flatPositions(state),
    statements: new Map(state.statements),
    optionSets: new Map(state.optionSets),
    revisionCount: state.revisions.length,
  };
}

interface Diff<T> {
  readonly upserts: T[];
  readonly deletes: string[];
}

function diffMap<T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>): Diff<T> {
  const upserts: T[] = [];
  const deletes: string[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) upserts.push(value);
  for (const key of before.keys()) if (!after.has(key)) deletes.push(key);
  return { upserts, deletes };
}

/** JSON-ready copy: drops `undefined` members, as jsonb would. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

// Postgres allows 65,535 bind parameters per statement; six columns per row stays far below.
const CHUNK = 2000;

async function upsertChunks<Row extends Record<string, unknown>>(
  tx: Db,
  table: PgTable,
  rows: Row[],
  target: Parameters<ReturnType<ReturnType<Db['insert']>['values']>['onConflictDoUpdate']>[0]['target'],
  columns: readonly string[],
): Promise<void> {
  const set = Object.fromEntries(columns.map((name) => [name, sql.raw(`excluded."${name}"`)]));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(table)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({ target, set: set });
  }
}

/** Writes what changed between `before` and `state` into the read tables of `documentId`. */
export async function project(tx: Db, documentId: string, before: Capture, state: DocumentState): Promise<void> {
  const provisionDiff = diffMap(before.provisions, state.provisions);
  if (provisionDiff.upserts.length > 0) {
    await upsertChunks(
      tx,
      provisions,
      provisionDiff.upserts.map((p) => ({ documentId, id: p.id, kind: p.kind, label: p.label, status: p.status, record: plain(p) })),
      [provisions.documentId, provisions.id],
      ['kind', 'label', 'status', 'record'],
    );
  }
  if (provisionDiff.deletes.length > 0) {
    await tx.delete(provisions).where(and(eq(provisions.documentId, documentId), inArray(provisions.id, provisionDiff.deletes)));
  }

  const proposalDiff = diffMap(before.proposals, state.proposals);
  if (proposalDiff.upserts.length > 0) {
    await upsertChunks(
      tx,
      proposals,
      proposalDiff.upserts.map((p) => ({
        documentId,
        id: p.id,
        kind: p.kind,
        proponent: p.proponent,
        status: p.status,
        provisionId: p.anchor?.provisionId ?? p.about ?? p.provisionIds[0] ?? null,
        record: plain(p),
      })),
      [proposals.documentId, proposals.id],
      ['kind', 'proponent', 'status', 'provision_id', 'record'],
    );
  }
  if (proposalDiff.deletes.length > 0) {
    await tx.delete(proposals).where(and(eq(proposals.documentId, documentId), inArray(proposals.id, proposalDiff.deletes)));
  }

  const positionDiff = diffMap(before.positions, flatPositions(state));
  if (positionDiff.upserts.length > 0) {
    await upsertChunks(
      tx,
      positions,
      positionDiff.upserts.map((p) => ({ documentId, proposalId: p.proposalId, delegation: p.delegation, stance: p.stance, record: plain(p) })),
      [positions.documentId, positions.proposalId, positions.delegation],
      ['stance', 'record'],
    );
  }
  for (const key of positionDiff.deletes) {
    const [proposalId = '', delegation = ''] = key.split('\u0000');
    await tx
      .delete(positions)
      .where(and(eq(positions.documentId, documentId), eq(positions.proposalId, proposalId), eq(positions.delegation, delegation)));
  }

  const statementDiff = diffMap(before.statements, state.statements);
  if (statementDiff.upserts.length > 0) {
    await upsertChunks(
      tx,
      statements,
      statementDiff.upserts.map((s) => ({ documentId, id: s.id, kind: s.kind, by: s.by, record: plain(s) })),
      [statements.documentId, statements.id],
      ['kind', 'by', 'record'],
    );
  }
  if (statementDiff.deletes.length > 0) {
    await tx.delete(statements).where(and(eq(statements.documentId, documentId), inArray(statements.id, statementDiff.deletes)));
  }

  const optionSetDiff = diffMap(before.optionSets, state.optionSets);
  if (optionSetDiff.upserts.length > 0) {
    await upsertChunks(
      tx,
      optionSets,
      optionSetDiff.upserts.map((o) => ({ documentId, id: o.id, status: o.status, record: plain(o) })),
      [optionSets.documentId, optionSets.id],
      ['status', 'record'],
    );
  }
  if (optionSetDiff.deletes.length > 0) {
    await tx.delete(optionSets).where(and(eq(optionSets.documentId, documentId), inArray(optionSets.id, optionSetDiff.deletes)));
  }

  const newRevisions = state.revisions.slice(before.revisionCount);
  if (newRevisions.length > 0) {
    await tx
      .insert(revisions)
      .values(newRevisions.map((r) => ({ documentId, number: r.number, label: r.label, version: r.version, record: plain(r) })));
  }
}
