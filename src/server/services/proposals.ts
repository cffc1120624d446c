/**
 * Making a delegation's proposal: the one code path behind POST /api/documents/:id/proposals
 * and the tabling of a draft, so that a tabled draft is exactly the proposal its delegation
 * would have made directly — same checks, same event, same store.
 */
import { eq } from 'drizzle-orm';
import { planAlternative, type Actor, type DocumentState, type OptionRef, type ParleyEvent, type ProposalInput } from '../../core/index.ts';
import type { DraftProposal } from '../../protocol/schemas.ts';
import type { Context } from '../context.ts';
import type { Db } from '../db/database.ts';
import { delegations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { notifyFollowers, provisionsOfProposal } from '../notifications/follows.ts';
import type { CommandResult } from '../store/event-store.ts';

/** Refuses a code that is not a delegation of the organisation (null: no delegation to check). */
export async function requireDelegation(context: Pick<Context, 'database' | 'delegationCodes'>, organisationId: string, code: string | null): Promise<void> {
  if (code === null) return;
  const codes = await context.delegationCodes.get(organisationId, async () => {
    const rows = await context.database.db.select({ code: delegations.code }).from(delegations).where(eq(delegations.organisationId, organisationId));
    return new Set(rows.map((row) => row.code));
  });
  if (!codes?.has(code)) throw problem('ERR_DELEGATION_UNKNOWN', { delegation: code });
}

/** Only a paragraph put forward (new-provision) can be an alternative to a provision. */
export function requireAlternativeKind(body: Pick<DraftProposal, 'kind' | 'alternativeTo'>): void {
  if (body.alternativeTo !== null && body.alternativeTo !== undefined && body.kind !== 'new-provision') {
    throw problem('ERR_REQUEST_INVALID', { issues: `alternativeTo: only a new-provision proposal is an alternative to a provision, not a ${body.kind}` });
  }
}

/**
 * The events of one proposal: the proposal alone, or — for a paragraph put forward as an
 * alternative to another — the proposal placed after the alternatives, and its option set
 * (joined when the target already has alternatives, formed with the target otherwise).
 */
export function proposalEvents(
  state: DocumentState,
  type: 'proposal.made' | 'chair.proposal.made',
  actor: Actor,
  input: ProposalInput,
  alternativeTo: string | null | undefined,
  context: Pick<Context, 'now' | 'newId'>,
): ParleyEvent[] {
  const at = context.now().toISOString();
  if (alternativeTo === null || alternativeTo === undefined) return [{ type, at, actor, data: { proposal: input } }];
  const plan = planAlternative(state, alternativeTo);
  if (!plan.ok) throw problem('ERR_DOCUMENT_PART_NOT_FOUND', { documentId: state.id, what: 'provision', id: alternativeTo });
  const member: OptionRef = { t: 'proposal', id: input.id };
  return [
    { type, at, actor, data: { proposal: { ...input, after: plan.after } } },
    plan.join === null
      ? { type: 'option-set.formed', at, actor, data: { optionSet: { id: context.newId(), members: [plan.member, member], allowsNoText: false } } }
      : { type: 'option-set.joined', at, actor, data: { optionSetId: plan.join, member } },
  ];
}

/** The engine's proposal from the wire's; new provisions get fresh ids. */
export function proposalInput(body: DraftProposal, id: string, proponent: string | null, newId: () => string): ProposalInput {
  return {
    id,
    kind: body.kind,
    proponent,
    anchor: body.anchor ? { provisionId: body.anchor.provisionId, parent: body.anchor.parent ?? null, start: body.anchor.start, end: body.anchor.end } : null,
    ...(body.text === undefined || body.text === null ? {} : { text: body.text }),
    ...(body.provisions ? { provisions: body.provisions.map((p) => ({ id: newId(), kind: p.kind, label: p.label ?? null, text: p.text })) } : {}),
    ...(body.after === undefined ? {} : { after: body.after }),
    ...(body.provisionIds ? { provisionIds: body.provisionIds } : {}),
    ...(body.moveAfter === undefined ? {} : { moveAfter: body.moveAfter }),
    ...(body.about === undefined ? {} : { about: body.about }),
    ...(body.reason === undefined ? {} : { reason: body.reason }),
    ...(body.language === undefined || body.language === null ? {} : { language: body.language }),
  };
}

export interface ProposalRequest {
  readonly documentId: string;
  readonly organisationId: string;
  /** Who proposes, for which delegation (from actingDelegation). */
  readonly actor: Actor;
  readonly body: DraftProposal;
  readonly expectedVersion: number | null;
  /** Refuses the proposal against the state current at commit time (throw a ProblemError). */
  readonly check?: (state: DocumentState) => void;
  /** Writes that commit with the proposal or not at all; throwing refuses the proposal. */
  readonly alongside?: (tx: Db, proposalId: string, result: CommandResult) => Promise<void>;
}

/** Appends `proposal.made` for the actor's delegation; resolves once committed (or refused). */
export async function makeProposal(context: Pick<Context, 'database' | 'delegationCodes' | 'store' | 'now' | 'newId' | 'notifications'>, request: ProposalRequest): Promise<{ id: string; result: CommandResult }> {
  const { actor, alongside, check } = request;
  await requireDelegation(context, request.organisationId, actor.delegation);
  requireAlternativeKind(request.body);
  const id = context.newId();
  const input = proposalInput(request.body, id, actor.delegation, context.newId);
  const result = await context.store.append(request.documentId, {
    expectedVersion: request.expectedVersion,
    build: (state) => {
      check?.(state);
      return proposalEvents(state, 'proposal.made', actor, input, request.body.alternativeTo, context);
    },
    ...(alongside ? { alongside: (tx: Db, committed: CommandResult) => alongside(tx, id, committed) } : {}),
  });
  // After the commit: followers hear of a proposal that was made, never of one refused.
  await notifyFollowers(context, { organisationId: request.organisationId, documentId: request.documentId, proposalId: id, actor, provisionIds: provisionsOfProposal(input, request.body.alternativeTo) });
  return { id, result };
}
