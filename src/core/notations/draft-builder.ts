/**
 * Collects what a notation's importer found in a draft — provisions, proposals,
 * positions, statements, option sets — and turns it into the events that, folded,
 * give the draft's state. Every importer goes through here, so an imported draft is
 * exactly what a log can hold.
 */
import type { Actor, ParleyEvent, ProposalInput, ProvisionInput } from '../events/event.ts';
import type { OptionRef } from '../model/option-set.ts';
import type { AgreementStatus } from '../model/provision.ts';
import type { TailItem } from '../model/proposal.ts';
import type { Stance } from '../model/position.ts';
import type { StatementAnchor, StatementKind, StatementLayout } from '../model/statement.ts';

export interface DraftPosition {
  readonly proposalId: string;
  readonly delegation: string;
  readonly stance: Stance;
  readonly reason: string | null;
}

export interface DraftStatement {
  readonly id: string;
  readonly kind: StatementKind;
  readonly by: string | null;
  readonly text: string;
  readonly anchor: StatementAnchor;
  readonly layout: StatementLayout;
}

interface DraftItem {
  readonly order: number;
  readonly provision?: ProvisionInput;
  readonly proposal?: ProposalInput & { readonly byChair: boolean };
}

export const IMPORT_ACTOR: Actor = { user: 'import', delegation: null, role: 'system' };

export class DraftBuilder {
  private readonly items: DraftItem[] = [];
  private readonly positions: DraftPosition[] = [];
  private readonly statements: DraftStatement[] = [];
  private readonly optionSets: { id: string; members: OptionRef[]; allowsNoText: boolean }[] = [];
  private readonly agreements: { provisionId: string; status: Exclude<AgreementStatus, 'open'> }[] = [];
  private counters = { provision: 0, proposal: 0, statement: 0, optionSet: 0 };
  private readonly documentOrder = new Map<string, number>();
  private readonly proposalIndex = new Map<string, number>();

  nextProvisionId(): string {
    return `v${++this.counters.provision}`;
  }

  nextProposalId(): string {
    return `p${++this.counters.proposal}`;
  }

  nextStatementId(): string {
    return `s${++this.counters.statement}`;
  }

  nextOptionSetId(): string {
    return `o${++this.counters.optionSet}`;
  }

  /**
   * Records where a provision stands in the draft. Provisions may be added out of order
   * (a block of proposed paragraphs is added after the proposals inside it); the events
   * place each after its nearest predecessor in this order.
   */
  placeInOrder(provisionId: string): void {
    this.documentOrder.set(provisionId, this.documentOrder.size);
  }

  addProvision(input: ProvisionInput): void {
    this.items.push({ order: this.items.length, provision: input });
  }

  /** Adds a proposal; a new-provision proposal carries its provisions. */
  addProposal(input: ProposalInput, byChair = false): void {
    this.proposalIndex.set(input.id, this.items.length);
    this.items.push({ order: this.items.length, proposal: { ...input, byChair } });
  }

  /** Adds layout items to the tail of a proposal already added (objections wrapped around it). */
  amendLayout(proposalId: string, items: readonly TailItem[]): void {
    const index = this.proposalIndex.get(proposalId) ?? -1;
    const item = this.items[index];
    if (!item?.proposal) return;
    const layout = item.proposal.layout ?? {};
    this.items[index] = { ...item, proposal: { ...item.proposal, layout: { ...layout, tail: [...(layout.tail ?? []), ...items] } } };
  }

  addPosition(position: DraftPosition): void {
    this.positions.push(position);
  }

  addStatement(statement: DraftStatement): void {
    this.statements.push(statement);
  }

  addOptionSet(members: OptionRef[], allowsNoText = false): string {
    const id = this.nextOptionSetId();
    this.optionSets.push({ id, members, allowsNoText });
    return id;
  }

  /** Records that the draft marks a provision agreed (`[Agreed ad ref]`); emitted after everything else. */
  agree(provisionId: string, status: Exclude<AgreementStatus, 'open'>): void {
    this.agreements.push({ provisionId, status });
  }

  /**
   * The events in an order the fold accepts: the document, then its provisions and the
   * proposals on them in document order (a container always before what nests in it),
   * then positions, statements, option sets and agreements.
   */
  toEvents(options: { documentId: string; title: string; notation: string; at: string; actor?: Actor }): ParleyEvent[] {
    const actor = options.actor ?? IMPORT_ACTOR;
    const at = options.at;
    const events: ParleyEvent[] = [
      { type: 'document.created', at, actor, data: { documentId: options.documentId, title: options.title, notation: options.notation } },
    ];
    // Provisions and new-provision proposals first (in order), so every text proposal finds its container.
    const textProposals: (ProposalInput & { byChair: boolean })[] = [];
    const placed = new PlacedProvisions(this.documentOrder);
    for (const item of this.items) {
      if (item.provision) {
        events.push({ type: 'provision.added', at, actor, data: { provision: item.provision, after: placed.place([item.provision.id]) } });
      } else if (item.proposal) {
        if (item.proposal.kind === 'new-provision') {
          const after = placed.place((item.proposal.provisions ?? []).map((p) => p.id));
          events.push(proposalEvent({ ...item.proposal, after }, at, actor));
        } else textProposals.push(item.proposal);
      }
    }
    for (const proposal of parentsFirst(textProposals)) events.push(proposalEvent(proposal, at, actor));
    for (const position of this.positions) {
      events.push({
        type: 'position.taken',
        at,
        actor,
        data: { proposalId: position.proposalId, delegation: position.delegation, stance: position.stance, reason: position.reason },
      });
    }
    for (const statement of this.statements) {
      events.push({ type: 'statement.added', at, actor, data: { statement } });
    }
    for (const optionSet of this.optionSets) {
      events.push({ type: 'option-set.formed', at, actor, data: { optionSet } });
    }
    for (const agreement of this.agreements) {
      events.push({ type: 'provision.agreed', at, actor, data: agreement });
    }
    return events;
  }
}

function proposalEvent(proposal: ProposalInput & { byChair: boolean }, at: string, actor: Actor): ParleyEvent {
  const { byChair, ...input } = proposal;
  return byChair
    ? { type: 'chair.proposal.made', at, actor, data: { proposal: input } }
    : { type: 'proposal.made', at, actor, data: { proposal: input } };
}

/** Stable order in which every proposal comes after the proposal it amends. */
function parentsFirst<T extends ProposalInput>(proposals: readonly T[]): T[] {
  const parentOf = new Map(proposals.map((p) => [p.id, p.anchor?.parent ?? null]));
  const depth = (id: string): number => {
    let d = 0;
    for (let parent = parentOf.get(id) ?? null; parent !== null && d <= proposals.length; parent = parentOf.get(parent) ?? null) d++;
    return d;
  };
  return proposals
    .map((proposal, index) => ({ proposal, index, depth: depth(proposal.id) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((entry) => entry.proposal);
}

/**
 * Placed provisions, kept sorted by their place in the draft, so that each group of
 * provisions goes right after its nearest predecessor already placed.
 */
class PlacedProvisions {
  private readonly placed: { id: string; rank: number }[] = [];

  constructor(private readonly documentOrder: ReadonlyMap<string, number>) {}

  /** Places a contiguous group; returns the id it goes after (null: at the top). */
  place(ids: readonly string[]): string | null {
    const first = ids[0];
    if (first === undefined) return null;
    const rank = this.documentOrder.get(first) ?? Number.MAX_SAFE_INTEGER;
    // Usually the group comes last; otherwise find where it goes.
    let index = this.placed.length;
    if (index > 0 && this.placed[index - 1]!.rank > rank) {
      let lo = 0;
      let hi = this.placed.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.placed[mid]!.rank < rank) lo = mid + 1;
        else hi = mid;
      }
      index = lo;
    }
    const after = index === 0 ? null : this.placed[index - 1]!.id;
    this.placed.splice(index, 0, ...ids.map((id) => ({ id, rank: this.documentOrder.get(id) ?? rank })));
    return after;
  }
}
