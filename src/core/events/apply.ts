/**
 * `applyEvent` folds one event into a state; `fold` folds a log from the empty state.
 *
 * Each event is validated completely before anything is changed, so a rejected event
 * leaves the state exactly as it was — never half applied.
 */
import { containerKey, emptyState, type DocumentState } from '../model/document-state.ts';
import type { OptionRef } from '../model/option-set.ts';
import type { Position } from '../model/position.ts';
import type { Proposal, TextAnchor } from '../model/proposal.ts';
import type { CaseToggle, Provision } from '../model/provision.ts';
import { anchoredIn, hasReservedCharacters, readContainer, writeContainer, type ContainerText } from '../text/container.ts';
import type { ParleyEvent, ProposalInput, ProvisionInput } from './event.ts';
import { EventRejected, reject, type Rejection } from './rejection.ts';
import { doneVersion, proposalLanguage } from '../languages/translation-status.ts';
import { translationKey } from '../languages/translation.ts';
import {
  validateAcceptance,
  validateAdoption,
  validateLanguagesSet,
  validateProposalLanguage,
  validateTranslation,
} from '../languages/validate-language-event.ts';

export type ApplyResult = { readonly ok: true; readonly state: DocumentState } | { readonly ok: false; readonly rejection: Rejection };

/** Applies `event` to `state` in place; returns the rejection instead when it does not apply. */
export function tryApplyEvent(state: DocumentState, event: ParleyEvent): ApplyResult {
  const rejection = validate(state, event);
  if (rejection) return { ok: false, rejection };
  mutate(state, event);
  state.version += 1;
  return { ok: true, state };
}

/** Applies `event` to `state` in place, throwing {@link EventRejected} when it does not apply. */
export function applyEvent(state: DocumentState, event: ParleyEvent): DocumentState {
  const result = tryApplyEvent(state, event);
  if (!result.ok) throw new EventRejected(result.rejection);
  return result.state;
}

/** Why `event` would not apply to `state`, or null when it would; the state is left untouched. */
export function checkEvent(state: DocumentState, event: ParleyEvent): Rejection | null {
  return validate(state, event);
}

/** The state a log describes. The same log always gives the same state. */
export function fold(events: readonly ParleyEvent[]): DocumentState {
  const state = emptyState();
  for (let n = 0; n < events.length; n++) applyEvent(state, events[n]!);
  return state;
}

// ---------------------------------------------------------------------------------------
// Validation: pure checks, no mutation.

function validate(state: DocumentState, event: ParleyEvent): Rejection | null {
  if (event.type !== 'document.created' && state.id === '') {
    return reject('NO_DOCUMENT', `The log must start with document.created, not ${event.type}.`);
  }
  switch (event.type) {
    case 'document.created':
      return state.id === '' ? null : reject('DUPLICATE_ID', `Document ${state.id} already exists in this log.`);
    case 'provision.added':
      return validateNewProvision(state, event.data.provision, event.data.after);
    case 'proposal.made':
    case 'chair.proposal.made':
      return validateProposal(state, event.data.proposal) ?? validateProposalLanguage(state, event.data.proposal);
    case 'proposal.withdrawn':
      return requireOpenProposal(state, event.data.proposalId);
    case 'consensus.declared': {
      const rejection = requireOpenProposal(state, event.data.proposalId);
      if (rejection || event.data.outcome !== 'accept') return rejection;
      return validateAcceptance(state, state.proposals.get(event.data.proposalId)!);
    }
    case 'position.taken': {
      const rejection = requireOpenProposal(state, event.data.proposalId);
      if (rejection) return rejection;
      return event.data.delegation.trim() === ''
        ? reject('BAD_KIND', 'A position needs the delegation that takes it.')
        : null;
    }
    case 'position.withdrawn': {
      const rejection = requireOpenProposal(state, event.data.proposalId);
      if (rejection) return rejection;
      return state.positions.get(event.data.proposalId)?.has(event.data.delegation)
        ? null
        : reject('UNKNOWN_PROPOSAL', `${event.data.delegation} has no position on proposal ${event.data.proposalId} to withdraw.`);
    }
    case 'provision.agreed':
      if (!state.provisions.has(event.data.provisionId)) return reject('UNKNOWN_PROVISION', `There is no provision ${event.data.provisionId}.`);
      // Agreement ad referendum is provisional (capitals still confirm), so it may precede the
      // translations; adoption is final and waits for every version of the text.
      return event.data.status === 'adopted' ? validateAdoption(state, event.data.provisionId) : null;
    case 'document.languages.set':
      return validateLanguagesSet(state, event.data);
    case 'translation.recorded':
      return validateTranslation(state, event.data);
    case 'revision.issued': {
      const last = state.revisions.at(-1)?.number ?? 0;
      return event.data.number === last + 1
        ? null
        : reject('BAD_REVISION', `The next revision is number ${last + 1}, not ${event.data.number}.`);
    }
    case 'statement.added': {
      const { statement } = event.data;
      if (state.statements.has(statement.id)) return reject('DUPLICATE_ID', `Statement ${statement.id} already exists.`);
      if (statement.anchor.proposalId !== undefined) {
        return state.proposals.has(statement.anchor.proposalId)
          ? null
          : reject('UNKNOWN_PROPOSAL', `There is no proposal ${statement.anchor.proposalId} to attach the statement to.`);
      }
      return state.provisions.has(statement.anchor.provisionId)
        ? null
        : reject('UNKNOWN_PROVISION', `There is no provision ${statement.anchor.provisionId} to attach the statement to.`);
    }
    case 'option-set.formed': {
      const { optionSet } = event.data;
      if (state.optionSets.has(optionSet.id)) return reject('DUPLICATE_ID', `Option set ${optionSet.id} already exists.`);
      if (optionSet.members.length < 1) return reject('UNKNOWN_OPTION', 'An option set needs at least one member.');
      for (const member of optionSet.members) {
        const rejection = validateOptionMember(state, member);
        if (rejection) return rejection;
      }
      return null;
    }
    case 'option-set.joined': {
      const set = state.optionSets.get(event.data.optionSetId);
      if (!set) return reject('UNKNOWN_OPTION', `There is no option set ${event.data.optionSetId}.`);
      if (set.status !== 'open') return reject('NOT_OPEN', `Option set ${set.id} is settled; it takes no further alternatives.`);
      const { member } = event.data;
      if (set.members.some((m) => m.t === member.t && m.id === member.id)) {
        return reject('UNKNOWN_OPTION', `${member.t === 'proposal' ? 'Proposal' : 'Provision'} ${member.id} is already an alternative in option set ${set.id}.`);
      }
      return validateOptionMember(state, member);
    }
  }
}

function validateOptionMember(state: DocumentState, member: OptionRef): Rejection | null {
  if (member.t === 'provision') {
    return state.provisions.has(member.id) ? null : reject('UNKNOWN_OPTION', `Option refers to unknown provision ${member.id}.`);
  }
  const proposal = state.proposals.get(member.id);
  if (!proposal) return reject('UNKNOWN_OPTION', `Option refers to unknown proposal ${member.id}.`);
  if (proposal.optionSetId !== null) {
    return reject('UNKNOWN_OPTION', `Proposal ${member.id} already belongs to option set ${proposal.optionSetId}.`);
  }
  return null;
}

function requireOpenProposal(state: DocumentState, id: string): Rejection | null {
  const proposal = state.proposals.get(id);
  if (!proposal) return reject('UNKNOWN_PROPOSAL', `There is no proposal ${id}.`);
  if (proposal.status !== 'open') return reject('NOT_OPEN', `Proposal ${id} is already ${proposal.status}.`);
  return null;
}

function validateNewProvisions(state: DocumentState, provisions: readonly ProvisionInput[], after: string | null | undefined): Rejection | null {
  if (after !== null && after !== undefined && !state.provisions.has(after)) {
    return reject('UNKNOWN_PROVISION', `Cannot place text after unknown provision ${after}.`);
  }
  const seen = new Set<string>();
  for (const provision of provisions) {
    if (seen.has(provision.id)) return reject('DUPLICATE_ID', `Provision ${provision.id} already exists.`);
    seen.add(provision.id);
    const rejection = checkNewProvision(state, provision);
    if (rejection) return rejection;
  }
  return null;
}

/** `validateNewProvisions` for the one provision of `provision.added`, without a list or a set per event. */
function validateNewProvision(state: DocumentState, provision: ProvisionInput, after: string | null | undefined): Rejection | null {
  if (after !== null && after !== undefined && !state.provisions.has(after)) {
    return reject('UNKNOWN_PROVISION', `Cannot place text after unknown provision ${after}.`);
  }
  return checkNewProvision(state, provision);
}

function checkNewProvision(state: DocumentState, provision: ProvisionInput): Rejection | null {
  if (state.provisions.has(provision.id)) return reject('DUPLICATE_ID', `Provision ${provision.id} already exists.`);
  if (hasReservedCharacters(provision.text)) {
    return reject('BAD_TEXT', `The text of provision ${provision.label ?? provision.id} contains a square bracket; brackets mark proposals, so write the disputed words as a proposal instead.`);
  }
  return null;
}

function validateProposal(state: DocumentState, input: ProposalInput): Rejection | null {
  if (state.proposals.has(input.id)) return reject('DUPLICATE_ID', `Proposal ${input.id} already exists.`);
  if (input.text !== undefined && hasReservedCharacters(input.text)) {
    return reject('BAD_TEXT', 'Proposed text contains a square bracket; brackets mark proposals, so propose the inner words separately.');
  }
  switch (input.kind) {
    case 'insert':
    case 'delete':
    case 'replace':
      return validateTextAnchor(state, input);
    case 'remark':
      if (!input.text) return reject('BAD_TEXT', 'A remark needs its text.');
      if (input.anchor) return validateTextAnchor(state, input);
      if (input.about && !state.provisions.has(input.about)) {
        return reject('UNKNOWN_PROVISION', `The remark is about unknown provision ${input.about}.`);
      }
      return null;
    case 'new-provision':
      if (!input.provisions || input.provisions.length === 0) {
        return reject('BAD_KIND', 'A new-provision proposal needs at least one provision.');
      }
      return validateNewProvisions(state, input.provisions, input.after);
    case 'delete-provision':
    case 'move': {
      if (!input.provisionIds || input.provisionIds.length === 0) {
        return reject('BAD_KIND', `A ${input.kind} proposal needs the provisions it targets.`);
      }
      for (const id of input.provisionIds) {
        if (!state.provisions.has(id)) return reject('UNKNOWN_PROVISION', `There is no provision ${id}.`);
      }
      if (input.kind === 'move' && input.moveAfter && !state.provisions.has(input.moveAfter)) {
        return reject('UNKNOWN_PROVISION', `Cannot move after unknown provision ${input.moveAfter}.`);
      }
      return null;
    }
  }
}

function validateTextAnchor(state: DocumentState, input: ProposalInput): Rejection | null {
  const anchor = input.anchor;
  if (!anchor) return reject('BAD_RANGE', `A ${input.kind} proposal needs the text range it applies to.`);
  const provision = state.provisions.get(anchor.provisionId);
  if (!provision) return reject('UNKNOWN_PROVISION', `There is no provision ${anchor.provisionId}.`);
  let container: ContainerText = provision;
  if (anchor.parent !== null) {
    const parent = state.proposals.get(anchor.parent);
    if (!parent) return reject('UNKNOWN_PROPOSAL', `There is no proposal ${anchor.parent} to amend.`);
    if (parent.status !== 'open') return reject('NOT_OPEN', `Proposal ${anchor.parent} is ${parent.status}; it can no longer be amended.`);
    container = parent;
  }
  const length = container.text.length;
  const { start, end } = anchor;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    return reject('BAD_RANGE', `The range ${start}–${end} is outside the text (length ${length}).`);
  }
  if (input.kind === 'insert' && start !== end) return reject('BAD_RANGE', 'An insertion is made at one point: start and end must be equal.');
  if ((input.kind === 'delete' || input.kind === 'replace') && start === end) {
    return reject('BAD_RANGE', `A ${input.kind} proposal needs a non-empty range of words.`);
  }
  // An empty bracket is a placeholder drafts do use ("[ ]"); requiring words is the API's job.
  // A point cannot cross anything, and most proposals are insertions: skip the scan for them.
  if (start === end) return null;
  for (const otherId of anchoredIn(state, anchor.provisionId, anchor.parent)) {
    const other = state.proposals.get(otherId)?.anchor;
    if (!other) continue;
    if (crosses(start, end, other.start, other.end)) {
      return reject('OVERLAP', `The range ${start}–${end} partly overlaps proposal ${otherId} (${other.start}–${other.end}); propose on a range that contains it or lies within it.`);
    }
  }
  return null;
}

/** Two ranges cross when they overlap without one containing the other. */
function crosses(a1: number, a2: number, b1: number, b2: number): boolean {
  if (a1 === a2 || b1 === b2) return false;
  const overlap = a1 < b2 && b1 < a2;
  const nested = (a1 <= b1 && b2 <= a2) || (b1 <= a1 && a2 <= b2);
  return overlap && !nested;
}

// ---------------------------------------------------------------------------------------
// Mutation: only called once validation passed.

function mutate(state: DocumentState, event: ParleyEvent): void {
  switch (event.type) {
    case 'document.created':
      state.id = event.data.documentId;
      state.title = event.data.title;
      state.notation = event.data.notation;
      return;
    case 'provision.added':
      insertProvision(state, event.data.provision, event.data.after);
      return;
    case 'proposal.made':
    case 'chair.proposal.made':
      addProposal(state, event.data.proposal, event.type === 'chair.proposal.made', event.at);
      return;
    case 'proposal.withdrawn':
      close(state, event.data.proposalId, 'withdrawn');
      return;
    case 'position.taken': {
      const { proposalId, delegation, stance } = event.data;
      positionsOf(state, proposalId).set(delegation, { proposalId, delegation, stance, reason: event.data.reason ?? null, at: event.at });
      return;
    }
    case 'position.withdrawn':
      state.positions.get(event.data.proposalId)?.delete(event.data.delegation);
      return;
    case 'consensus.declared':
      if (event.data.outcome === 'accept') accept(state, event.data.proposalId);
      else close(state, event.data.proposalId, 'dropped');
      return;
    case 'provision.agreed': {
      const provision = state.provisions.get(event.data.provisionId);
      if (provision) state.provisions.set(provision.id, { ...provision, status: event.data.status });
      return;
    }
    case 'revision.issued':
      state.revisions.push({ number: event.data.number, label: event.data.label, version: state.version + 1, at: event.at });
      return;
    case 'statement.added': {
      const { statement } = event.data;
      state.statements.set(statement.id, { ...statement, layout: statement.layout ?? NO_LAYOUT, at: event.at });
      return;
    }
    case 'option-set.formed': {
      const { optionSet } = event.data;
      state.optionSets.set(optionSet.id, { ...optionSet, status: 'open' });
      for (const member of optionSet.members) {
        if (member.t !== 'proposal') continue;
        const proposal = state.proposals.get(member.id);
        if (proposal) state.proposals.set(proposal.id, { ...proposal, optionSetId: optionSet.id });
      }
      return;
    }
    case 'option-set.joined': {
      const { optionSetId, member } = event.data;
      const set = state.optionSets.get(optionSetId);
      if (set) state.optionSets.set(set.id, { ...set, members: [...set.members, member] });
      const proposal = member.t === 'proposal' ? state.proposals.get(member.id) : undefined;
      if (proposal) state.proposals.set(proposal.id, { ...proposal, optionSetId });
      return;
    }
    case 'document.languages.set':
      state.languages = { original: event.data.original, others: [...event.data.others] };
      return;
    case 'translation.recorded': {
      const { target, id, language, text, original } = event.data;
      state.translations.set(translationKey(target, id, language), { target, id, language, text, original, at: event.at, by: event.actor.user });
      return;
    }
  }
}

function positionsOf(state: DocumentState, proposalId: string): Map<string, Position> {
  let byDelegation = state.positions.get(proposalId);
  if (!byDelegation) {
    byDelegation = new Map();
    state.positions.set(proposalId, byDelegation);
  }
  return byDelegation;
}

function newProvision(input: ProvisionInput, proposedBy: string | null): Provision {
  return {
    id: input.id,
    kind: input.kind,
    label: input.label,
    text: input.text,
    status: 'open',
    proposedBy,
    toggles: input.toggles ?? NO_TOGGLES,
    layout: input.layout ?? NO_LAYOUT,
  };
}

/** `insertProvisions` for the one provision of `provision.added`, without lists per event. */
function insertProvision(state: DocumentState, input: ProvisionInput, after: string | null | undefined): void {
  state.provisions.set(input.id, newProvision(input, null));
  // Drafts are read top to bottom, so placing after the last provision is the common case.
  if (after === undefined || (after !== null && state.order[state.order.length - 1] === after)) {
    state.order.push(input.id);
    return;
  }
  const index = after === null ? 0 : state.order.indexOf(after) + 1;
  state.order.splice(index, 0, input.id);
}

function insertProvisions(state: DocumentState, inputs: readonly ProvisionInput[], after: string | null | undefined, proposedBy: string | null): void {
  const provisions: Provision[] = inputs.map((input) => newProvision(input, proposedBy));
  for (const provision of provisions) state.provisions.set(provision.id, provision);
  const ids = provisions.map((p) => p.id);
  if (after === undefined) {
    state.order.push(...ids);
    return;
  }
  // Drafts are read top to bottom, so placing after the last provision is the common case.
  if (after !== null && state.order[state.order.length - 1] === after) {
    state.order.push(...ids);
    return;
  }
  const index = after === null ? 0 : state.order.indexOf(after) + 1;
  state.order.splice(index, 0, ...ids);
}

/**
 * What a record without layout, toggles or targets holds: one frozen empty value shared by
 * every such record (records never change in place), rather than one more object apiece —
 * a state of ten thousand proposals otherwise holds ten thousand empty layouts.
 */
const NO_LAYOUT: Readonly<Record<string, never>> = Object.freeze({});
const NO_TOGGLES: readonly CaseToggle[] = Object.freeze([]);
const NO_IDS: readonly string[] = Object.freeze([]);

function addProposal(state: DocumentState, input: ProposalInput, byChair: boolean, at: string): void {
  const anchor: TextAnchor | null = input.anchor ? { ...input.anchor, version: state.version } : null;
  const proposal: Proposal = {
    id: input.id,
    kind: input.kind,
    proponent: byChair ? 'CHAIR' : input.proponent,
    byChair,
    status: 'open',
    anchor,
    text: input.text ?? '',
    toggles: input.toggles ?? NO_TOGGLES,
    provisionIds: input.kind === 'new-provision' ? (input.provisions ?? []).map((p) => p.id) : input.provisionIds === undefined || input.provisionIds === null ? NO_IDS : [...input.provisionIds],
    moveAfter: input.moveAfter ?? null,
    about: input.about ?? null,
    optionSetId: null,
    madeAt: at,
    madeInVersion: state.version,
    layout: input.layout ?? NO_LAYOUT,
    ...(state.languages === null ? {} : { language: languageOfNewProposal(state, input) }),
  };
  state.proposals.set(proposal.id, proposal);
  if (anchor) {
    const key = containerKey(anchor.provisionId, anchor.parent);
    const list = state.anchored.get(key);
    if (list) list.push(proposal.id);
    else state.anchored.set(key, [proposal.id]);
  }
  if (input.kind === 'new-provision') insertProvisions(state, input.provisions ?? [], input.after, proposal.id);
  if (proposal.proponent !== null && !byChair) {
    positionsOf(state, proposal.id).set(proposal.proponent, {
      proposalId: proposal.id,
      delegation: proposal.proponent,
      stance: 'proposes',
      reason: input.reason ?? null,
      at,
    });
  }
}

/** The language a proposal is made in: as it says, else that of the proposal it amends, else the original. */
function languageOfNewProposal(state: DocumentState, input: ProposalInput): string {
  if (input.language !== undefined) return input.language;
  const parent = input.anchor?.parent ? state.proposals.get(input.anchor.parent) : undefined;
  return (parent ? proposalLanguage(state, parent) : null) ?? state.languages?.original ?? '';
}

/**
 * The words an accepted proposal puts into its container, in the container's language: a
 * proposal made in another language contributes its done original-language version
 * (validateAcceptance made sure there is one), without the case toggles of the words it was made in.
 */
function acceptedWords(state: DocumentState, proposal: Proposal): { readonly text: string; readonly toggles: readonly CaseToggle[] } {
  if (proposal.kind === 'delete') return { text: '', toggles: NO_TOGGLES };
  const languages = state.languages;
  const language = languages === null ? null : proposalLanguage(state, proposal);
  const containerLanguage = proposal.anchor?.parent ? proposalLanguage(state, state.proposals.get(proposal.anchor.parent)!) : languages?.original;
  if (languages === null || language === null || language === containerLanguage || containerLanguage === undefined || containerLanguage === null) {
    return { text: proposal.text, toggles: proposal.toggles };
  }
  return { text: doneVersion(state, 'proposal', proposal.id, containerLanguage) ?? proposal.text, toggles: NO_TOGGLES };
}

/** Closes a proposal without changing the text it would have made, and everything resting on it. */
function close(state: DocumentState, id: string, status: 'dropped' | 'withdrawn'): void {
  const proposal = state.proposals.get(id);
  if (!proposal || proposal.status !== 'open') return;
  state.proposals.set(id, { ...proposal, status });
  unindex(state, proposal);
  for (const child of [...anchoredIn(state, '', id)]) close(state, child, 'dropped');
  state.anchored.delete(containerKey('', id));
  if (proposal.kind === 'new-provision') removeProvisions(state, proposal.provisionIds);
  settleOptionSetAfterClose(state, proposal);
}

function unindex(state: DocumentState, proposal: Proposal): void {
  if (!proposal.anchor) return;
  const key = containerKey(proposal.anchor.provisionId, proposal.anchor.parent);
  const list = state.anchored.get(key);
  if (!list) return;
  const index = list.indexOf(proposal.id);
  if (index >= 0) list.splice(index, 1);
}

function removeProvisions(state: DocumentState, ids: readonly string[]): void {
  const removed = new Set(ids);
  for (const id of ids) {
    for (const child of [...anchoredIn(state, id, null)]) close(state, child, 'dropped');
    state.anchored.delete(containerKey(id, null));
    state.provisions.delete(id);
  }
  state.order = state.order.filter((id) => !removed.has(id));
  // A delete-provision or move whose every target is gone has nothing left to decide.
  for (const proposal of state.proposals.values()) {
    if (proposal.status !== 'open' || (proposal.kind !== 'delete-provision' && proposal.kind !== 'move')) continue;
    if (proposal.provisionIds.every((target) => removed.has(target) || !state.provisions.has(target))) {
      close(state, proposal.id, 'dropped');
    }
  }
}

function settleOptionSetAfterClose(state: DocumentState, proposal: Proposal): void {
  if (proposal.optionSetId === null) return;
  const set = state.optionSets.get(proposal.optionSetId);
  if (!set || set.status !== 'open') return;
  const stillOpen = set.members.some((m) => m.t === 'proposal' && state.proposals.get(m.id)?.status === 'open');
  if (!stillOpen) state.optionSets.set(set.id, { ...set, status: 'settled' });
}

function accept(state: DocumentState, id: string): void {
  const proposal = state.proposals.get(id);
  if (!proposal || proposal.status !== 'open') return;
  // Alternatives fall first, so that accepting one option never leaves another standing.
  if (proposal.optionSetId !== null) {
    const set = state.optionSets.get(proposal.optionSetId);
    if (set) {
      state.optionSets.set(set.id, { ...set, status: 'settled' });
      for (const member of set.members) {
        if (member.t === 'proposal' && member.id !== id) close(state, member.id, 'dropped');
      }
      const replaced = set.members.filter((m) => m.t === 'provision').map((m) => m.id);
      if (replaced.length > 0) removeProvisions(state, replaced);
    }
  }
  const current = state.proposals.get(id);
  if (!current || current.status !== 'open') return;
  state.proposals.set(id, { ...current, status: 'accepted' });
  switch (current.kind) {
    case 'insert':
    case 'replace':
    case 'delete':
      spliceAccepted(state, current);
      return;
    case 'new-provision':
      for (const provisionId of current.provisionIds) {
        const provision = state.provisions.get(provisionId);
        if (provision) state.provisions.set(provisionId, { ...provision, proposedBy: null });
      }
      return;
    case 'delete-provision':
      removeProvisions(state, current.provisionIds);
      return;
    case 'move': {
      const moving = new Set(current.provisionIds);
      const rest = state.order.filter((pid) => !moving.has(pid));
      const index = current.moveAfter === null ? 0 : rest.indexOf(current.moveAfter) + 1;
      rest.splice(index, 0, ...current.provisionIds.filter((pid) => state.provisions.has(pid)));
      state.order = rest;
      return;
    }
    case 'remark':
      unindex(state, current);
      return;
  }
}

/**
 * Writes an accepted insert, delete or replace into its container's text, moves the
 * proposals that rested on the accepted words into the container, and shifts the offsets
 * of everything after the change.
 */
function spliceAccepted(state: DocumentState, proposal: Proposal): void {
  const anchor = proposal.anchor;
  if (!anchor) return;
  const { provisionId, parent } = anchor;
  let { start, end } = anchor;
  const container = readContainer(state, provisionId, parent);
  if (!container) return;
  // Deleted words take one space with them, so no double or dangling space is left.
  if (proposal.kind === 'delete') {
    const before = start === 0 || container.text[start - 1] === ' ';
    if (before && container.text[end] === ' ') end += 1;
    else if (container.text[start - 1] === ' ' && (end === container.text.length || /[.,;:]/u.test(container.text[end] ?? ''))) start -= 1;
  }
  const words = acceptedWords(state, proposal);
  const inserted = words.text;
  const removedLength = proposal.kind === 'insert' ? 0 : end - start;
  const delta = inserted.length - removedLength;
  const key = containerKey(provisionId, parent);
  const siblings = state.anchored.get(key) ?? [];
  const ownIndex = siblings.indexOf(proposal.id);

  // Siblings resting on removed words fall with them; the rest shift.
  const survivors: string[] = [];
  for (const [index, siblingId] of [...siblings].entries()) {
    if (siblingId === proposal.id) continue;
    const sibling = state.proposals.get(siblingId);
    if (!sibling?.anchor) continue;
    const s = sibling.anchor;
    const moved = shiftRange(s.start, s.end, start, end, delta, index > ownIndex);
    if (moved === null) {
      close(state, siblingId, 'dropped');
      continue;
    }
    if (moved[0] !== s.start || moved[1] !== s.end) {
      state.proposals.set(siblingId, { ...sibling, anchor: { ...s, start: moved[0], end: moved[1] } });
    }
    survivors.push(siblingId);
  }

  // Proposals on the accepted words now rest on the container, at their new place.
  const children = state.anchored.get(containerKey('', proposal.id)) ?? [];
  for (const childId of children) {
    const child = state.proposals.get(childId);
    if (!child?.anchor) continue;
    state.proposals.set(childId, {
      ...child,
      anchor: { ...child.anchor, provisionId, parent, start: child.anchor.start + start, end: child.anchor.end + start },
    });
    survivors.push(childId);
  }
  state.anchored.delete(containerKey('', proposal.id));
  state.anchored.set(key, survivors);
  moveStatements(state, proposal, { provisionId, parent, start, end, delta, insertedLength: inserted.length });

  const toggles: CaseToggle[] = [];
  for (const toggle of container.toggles) {
    if (toggle.at < start) toggles.push(toggle);
    else if (toggle.at >= end) toggles.push({ ...toggle, at: toggle.at + delta });
  }
  for (const toggle of words.toggles) toggles.push({ ...toggle, at: toggle.at + start });
  toggles.sort((a, b) => a.at - b.at);
  writeContainer(state, provisionId, parent, {
    text: container.text.slice(0, start) + inserted + container.text.slice(end),
    toggles,
  });
}

/**
 * Where a range [s1, s2) of a container lands after [start, end) was replaced by words
 * `delta` characters longer; null when it rested on words that are gone. Point ranges are
 * insertions: at the same point as an accepted insertion, the later-made one goes after it;
 * an insertion at the start of a range renders before it, so accepted words go before the range.
 */
export function shiftRange(s1: number, s2: number, start: number, end: number, delta: number, madeLater: boolean): [number, number] | null {
  const acceptedIsInsert = start === end;
  if (s1 === s2) {
    if (s1 < start) return [s1, s2];
    if (acceptedIsInsert) {
      if (s1 > start || madeLater) return [s1 + delta, s2 + delta];
      return [s1, s2];
    }
    if (s1 === start) return [s1, s2];
    if (s1 >= end) return [s1 + delta, s2 + delta];
    return null;
  }
  if (acceptedIsInsert) {
    if (start <= s1) return [s1 + delta, s2 + delta];
    if (start < s2) return [s1, s2 + delta];
    return [s1, s2];
  }
  if (s2 <= start) return [s1, s2];
  if (s1 >= end) return [s1 + delta, s2 + delta];
  if (s1 >= start && s2 <= end) return null;
  return [s1, s2 + delta];
}

/**
 * Footnote markers keep their place in the words: after the change they shift with the
 * text; one inside removed words stays where the words were; one inside the accepted
 * proposal's own words moves into the container with them.
 */
function moveStatements(
  state: DocumentState,
  proposal: Proposal,
  change: { provisionId: string; parent: string | null; start: number; end: number; delta: number; insertedLength: number },
): void {
  for (const statement of state.statements.values()) {
    const { anchor } = statement;
    if (typeof anchor.at !== 'number') continue;
    const inContainer = change.parent === null ? anchor.provisionId === change.provisionId : anchor.proposalId === change.parent;
    if (inContainer) {
      const moved = shiftRange(anchor.at, anchor.at, change.start, change.end, change.delta, true);
      const at = moved === null ? change.start : moved[0];
      if (at !== anchor.at) state.statements.set(statement.id, { ...statement, anchor: { ...anchor, at } });
    } else if (anchor.proposalId === proposal.id && proposal.kind !== 'delete') {
      // Words from a translation may be shorter than the proposal's own: a marker stays within them.
      const at = Math.min(anchor.at, change.insertedLength) + change.start;
      state.statements.set(statement.id, {
        ...statement,
        anchor: change.parent === null ? { provisionId: change.provisionId, at } : { proposalId: change.parent, at },
      });
    }
  }
}
