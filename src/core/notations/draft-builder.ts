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

/**
 * A provision or a proposal in the order found. The inputs are the importer's, made for
 * this draft: they are kept, and become the events' data, as they are — not copied.
 */
type DraftItem = { readonly provision: ProvisionInput; readonly proposal?: undefined } | { readonly proposal: ProposalInput; readonly byChair: boolean; readonly provision?: undefined };

export const IMPORT_ACTOR: Actor = { user: 'import', delegation: null, role: 'system' };

export class DraftBuilder {
  private readonly items: DraftItem[] = [];
  private readonly positions: DraftPosition[] = [];
  private readonly statements: DraftStatement[] = [];
  private readonly optionSets: { id: string; members: OptionRef[]; allowsNoText: boolean }[] = [];
  private readonly agreements: { provisionId: string; status: Exclude<AgreementStatus, 'open'> }[] = [];
  private counters = { provision: 0, proposal: 0, statement: 0, optionSet: 0 };
  private readonly documentOrder = new Map<string, number>();

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

  /** Where `placeInOrder` put a provision: 0 for the first placed, 1 for the next … */
  rankOf(provisionId: string): number | undefined {
    return this.documentOrder.get(provisionId);
  }

  addProvision(input: ProvisionInput): void {
    this.items.push({ provision: input });
  }

  /** Adds a proposal; a new-provision proposal carries its provisions. */
  addProposal(input: ProposalInput, byChair = false): void {
    this.items.push({ proposal: input, byChair });
  }

  /** Adds layout items to the tail of a proposal already added (objections wrapped around it). */
  amendLayout(proposalId: string, items: readonly TailItem[]): void {
    // The proposal wrapped is the one just read, so the search from the end is short.
    let index = this.items.length - 1;
    while (index >= 0 && this.items[index]!.proposal?.id !== proposalId) index--;
    const item = this.items[index];
    if (!item?.proposal) return;
    const layout = item.proposal.layout ?? {};
    this.items[index] = { proposal: { ...item.proposal, layout: { ...layout, tail: [...(layout.tail ?? []), ...items] } }, byChair: item.byChair };
  }

  addPosition(position: DraftPosition): void {
    this.positions.push(position);
  }

  /** Forgets a delegation's position on a proposal (a later marker of the same delegation replaces it). */
  dropPosition(proposalId: string, delegation: string): void {
    const at = this.positions.findIndex((p) => p.proposalId === proposalId && p.delegation === delegation);
    if (at >= 0) this.positions.splice(at, 1);
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
    const textProposals: Extract<DraftItem, { proposal: ProposalInput }>[] = [];
    const placed = new PlacedProvisions(this.documentOrder);
    // Indexed loops: they run once per draft, mostly before the optimiser would drop a `for…of`'s iterator results.
    const { items, positions, statements, optionSets, agreements } = this;
    for (let n = 0; n < items.length; n++) {
      const item = items[n]!;
      if (item.provision) {
        events.push({ type: 'provision.added', at, actor, data: { provision: item.provision, after: placed.placeOne(item.provision.id) } });
      } else if (item.proposal.kind === 'new-provision') {
        const after = placed.place((item.proposal.provisions ?? []).map((p) => p.id));
        events.push(proposalEvent({ ...item.proposal, after }, item.byChair, at, actor));
      } else textProposals.push(item);
    }
    const ordered = parentsFirst(textProposals);
    for (let n = 0; n < ordered.length; n++) events.push(proposalEvent(ordered[n]!.proposal, ordered[n]!.byChair, at, actor));
    for (let n = 0; n < positions.length; n++) {
      const position = positions[n]!;
      events.push({
        type: 'position.taken',
        at,
        actor,
        data: { proposalId: position.proposalId, delegation: position.delegation, stance: position.stance, reason: position.reason },
      });
    }
    for (let n = 0; n < statements.length; n++) events.push({ type: 'statement.added', at, actor, data: { statement: statements[n]! } });
    for (let n = 0; n < optionSets.length; n++) events.push({ type: 'option-set.formed', at, actor, data: { optionSet: optionSets[n]! } });
    for (let n = 0; n < agreements.length; n++) events.push({ type: 'provision.agreed', at, actor, data: agreements[n]! });
    return events;
  }
}

function proposalEvent(proposal: ProposalInput, byChair: boolean, at: string, actor: Actor): ParleyEvent {
  return byChair ? { type: 'chair.proposal.made', at, actor, data: { proposal } } : { type: 'proposal.made', at, actor, data: { proposal } };
}

/**
 * Stable order in which every proposal comes after the proposal it amends: by nesting
 * depth, and in the order found within one depth — a stable sort by depth, done as one
 * list per depth.
 */
function parentsFirst<T extends { readonly proposal: ProposalInput }>(items: readonly T[]): T[] {
  // Most drafts nest no bracket in another: then every depth is 0 and the order stands.
  if (items.every(({ proposal }) => (proposal.anchor?.parent ?? null) === null)) return items.slice();
  const parentOf = new Map<string, string | null>();
  for (const { proposal } of items) parentOf.set(proposal.id, proposal.anchor?.parent ?? null);
  const byDepth: T[][] = [];
  for (const item of items) {
    let depth = 0;
    for (let parent = parentOf.get(item.proposal.id) ?? null; parent !== null && depth <= items.length; parent = parentOf.get(parent) ?? null) depth++;
    (byDepth[depth] ??= []).push(item);
  }
  return byDepth.length === 1 ? byDepth[0]! : byDepth.flatMap((list) => list ?? []);
}

/**
 * Placed provisions, kept sorted by their place in the draft, so that each group of
 * provisions goes right after its nearest predecessor already placed.
 */
class PlacedProvisions {
  private readonly placed: { id: string; rank: number }[] = [];

  constructor(private readonly documentOrder: ReadonlyMap<string, number>) {}

  /** Places one provision; returns the id it goes after (null: at the top). */
  placeOne(id: string): string | null {
    const rank = this.documentOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
    const last = this.placed[this.placed.length - 1];
    // The common case: the provision comes after every one placed so far.
    if (last === undefined || last.rank <= rank) {
      this.placed.push({ id, rank });
      return last === undefined ? null : last.id;
    }
    return this.place([id]);
  }

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
