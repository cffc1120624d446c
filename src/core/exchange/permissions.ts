/**
 * 2.1.1 c: a host state may release information on a foreign contingent on its territory only
 * as far as the deploying state permitted. Permissions are recorded by the deploying state
 * (`contingent.permission.recorded`) and add up: the host may reach a party if any permission of
 * that deploying state covers it. The deploying state may withdraw one
 * (`contingent.permission.withdrawn`): from then on it no longer counts, but what the host
 * already released under it stays released — a release cannot be unsent (compare
 * consent.revoked, which narrows who may still read a submission).
 */
import type { ForeignContingentsBody } from './bodies.ts';
import type { ExchangeState, PermissionRecord } from './state.ts';
import { partyOf, SECRETARIAT_PARTY, type Viewer } from './viewer.ts';
import type { Widening } from './widening.ts';

/** The permissions in force now (withdrawn ones no longer count). */
function permissionsOf(state: ExchangeState, deployingState: string, hostState: string): PermissionRecord[] {
  return [...state.permissions.values()].filter((p) => p.deployingState === deployingState && p.hostState === hostState && p.withdrawn === null);
}

/** Whether the deploying state let the host release its contingent's data to `party` (a state or the secretariat). */
function permitsRelease(state: ExchangeState, deployingState: string, hostState: string, party: string): boolean {
  return permissionsOf(state, deployingState, hostState).some((p) => p.releaseTo === 'any' || p.releaseTo.includes(party));
}

/** Whether the deploying state let the host release without limit (publication, dissemination "to any state"). */
function permitsAny(state: ExchangeState, deployingState: string, hostState: string): boolean {
  return permissionsOf(state, deployingState, hostState).some((p) => p.releaseTo === 'any');
}

/** The first party `widening` would reach that the deploying state did not permit, or null when it permitted them all. */
export function unpermittedParty(state: ExchangeState, deployingState: string, hostState: string, widening: Widening): string | null {
  switch (widening.kind) {
    case 'publication':
      return permitsAny(state, deployingState, hostState) ? null : 'everyone (publication)';
    case 'states':
      return widening.states.find((s) => !permitsRelease(state, deployingState, hostState, s)) ?? null;
    case 'secretariat': {
      if (!permitsRelease(state, deployingState, hostState, SECRETARIAT_PARTY)) return 'the secretariat';
      const scope = widening.disseminateTo;
      if (scope === 'none') return null;
      if (scope === 'any') return permitsAny(state, deployingState, hostState) ? null : 'any state the secretariat chooses';
      return scope.find((s) => !permitsRelease(state, deployingState, hostState, s)) ?? null;
    }
  }
}

/** The foreign states whose contingents a contingents report describes (the host's own forces need nobody's leave). */
export function deployingStates(body: ForeignContingentsBody, hostState: string): string[] {
  return [...new Set(body.contingents.map((c) => c.deployingState))].filter((s) => s !== hostState);
}

export interface PermissionView {
  readonly id: string;
  readonly deployingState: string;
  readonly hostState: string;
  readonly releaseTo: 'any' | readonly string[];
  readonly at: string;
  /** When the deploying state withdrew it, or null while it is in force. */
  readonly withdrawnAt: string | null;
  readonly withdrawalReason: string | null;
}

/** The permissions a viewer's state gave or received; nobody else's. */
export function contingentPermissionsFor(state: ExchangeState, viewer: Viewer): PermissionView[] {
  const party = partyOf(viewer);
  if (viewer.role !== 'delegate' || party === null) return [];
  return [...state.permissions.values()]
    .filter((p) => p.deployingState === party || p.hostState === party)
    .map(({ id, deployingState, hostState, releaseTo, at, withdrawn }) => ({
      id,
      deployingState,
      hostState,
      releaseTo,
      at,
      withdrawnAt: withdrawn?.at ?? null,
      withdrawalReason: withdrawn?.reason ?? null,
    }));
}
