/**
 * Random negotiations for property tests: a small document, then a sequence of intents
 * (insert here, object there, accept that …) interpreted against the evolving state so
 * that every event produced is one the fold accepts. fast-check shrinks the intents.
 */
import fc from 'fast-check';
import { tryApplyEvent } from '../../src/core/events/apply.ts';
import type { ParleyEvent, ProposalInput } from '../../src/core/events/event.ts';
import { emptyState, type DocumentState } from '../../src/core/model/document-state.ts';
import type { Stance } from '../../src/core/model/position.ts';
import { CHAIR, SECRETARIAT, T0, delegate } from './events.ts';

export const DELEGATIONS = ['ISR', 'IND', 'CHN', 'RUS', 'THA', 'TUR', 'KAZ'] as const;

const WORDS = ['cooperation', 'measures', 'exchange', 'information', 'security', 'regional', 'dialogue', 'mutual', 'trust', 'voluntary', 'basis', 'experts', 'meetings', 'member', 'states', 'shall', 'promote', 'confidence', 'among', 'their'];

export interface Intent {
  readonly op: 'insert' | 'delete' | 'replace' | 'nested' | 'new' | 'drop-provision' | 'position' | 'accept' | 'drop' | 'statement' | 'chair-delete';
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly who: number;
  readonly stance: number;
  readonly reason: boolean;
}

export const intentArbitrary: fc.Arbitrary<Intent> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'nested', 'new', 'drop-provision', 'position', 'position', 'accept', 'drop', 'statement', 'chair-delete'),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  who: fc.nat(DELEGATIONS.length - 1),
  stance: fc.nat(2),
  reason: fc.boolean(),
});

export const documentArbitrary = fc.array(fc.array(fc.nat(WORDS.length - 1), { minLength: 13, maxLength: 20 }), { minLength: 1, maxLength: 4 });

function sentence(indexes: readonly number[]): string {
  const words = indexes.map((i) => WORDS[i]!);
  const first = words[0]!;
  words[0] = first[0]!.toUpperCase() + first.slice(1);
  return words.join(' ') + '.';
}

/** Offsets where a word starts, excluding the end of the text. */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if ((i === 0 || text[i - 1] === ' ') && text[i] !== ' ') starts.push(i);
  return starts;
}

/** Ranges of whole words, never including the final full stop. */
function wordRange(text: string, a: number, b: number): [number, number] | null {
  const words = [...text.matchAll(/[^ .]+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  if (words.length === 0) return null;
  const i = a % words.length;
  const j = Math.min(words.length - 1, i + (b % 3));
  return [words[i]![0], words[j]![1]];
}

export function buildNegotiation(document: readonly (readonly number[])[], intents: readonly Intent[]): { events: ParleyEvent[]; state: DocumentState } {
  const state = emptyState();
  const events: ParleyEvent[] = [];
  let token = 0;
  const unique = (): string => `kx${++token}q`;
  const apply = (event: ParleyEvent): boolean => {
    if (!tryApplyEvent(state, event).ok) return false;
    events.push(event);
    return true;
  };
  apply({ type: 'document.created', at: T0, actor: SECRETARIAT, data: { documentId: 'doc', title: 'Random', notation: 'cica' } });
  let after: string | null = null;
  document.forEach((words, i) => {
    const id = `v${i + 1}`;
    apply({ type: 'provision.added', at: T0, actor: SECRETARIAT, data: { provision: { id, kind: 'paragraph', label: `2.${i + 1}`, text: sentence(words) }, after } });
    after = id;
  });
  let made = 0;
  let newLabel = 0;
  const open = () => [...state.proposals.values()].filter((p) => p.status === 'open');
  const base = () => state.order.filter((id) => state.provisions.get(id)?.proposedBy === null);
  const topLevel = (provisionId: string) => open().filter((p) => p.anchor?.provisionId === provisionId && p.anchor.parent === null);
  const adjacentDeletion = (at: number, who: string, provisionId: string) =>
    topLevel(provisionId).some((p) => p.kind === 'delete' && p.proponent === who && at - p.anchor!.end <= 1 && at >= p.anchor!.end);
  const adjacentInsertion = (end: number, who: string, provisionId: string) =>
    topLevel(provisionId).some((p) => p.kind === 'insert' && p.proponent === who && p.anchor!.start - end <= 1 && p.anchor!.start >= end);

  for (const intent of intents) {
    const who = DELEGATIONS[intent.who]!;
    const id = `p${++made}`;
    const provisions = state.order;
    if (provisions.length === 0) break;
    const provisionId = provisions[intent.a % provisions.length]!;
    const text = state.provisions.get(provisionId)!.text;
    const propose = (input: ProposalInput): boolean => apply({ type: 'proposal.made', at: T0, actor: delegate(who), data: { proposal: input } });
    switch (intent.op) {
      case 'insert': {
        const starts = wordStarts(text);
        const at = starts[intent.b % starts.length] ?? 0;
        // `[old] (-X) [new] (+X)` is how CICA writes X's replacement; X's deletion right
        // before X's insertion reads the same, so the notation cannot tell them apart.
        if (adjacentDeletion(at, who, provisionId)) break;
        propose({ id, kind: 'insert', proponent: who, anchor: { provisionId, parent: null, start: at, end: at }, text: `${unique()} ${WORDS[intent.c % WORDS.length]} ` });
        break;
      }
      case 'delete':
      case 'replace': {
        const range = wordRange(text, intent.b, intent.c);
        if (!range) break;
        if (intent.op === 'delete' && adjacentInsertion(range[1], who, provisionId)) break;
        const anchor = { provisionId, parent: null, start: range[0], end: range[1] };
        propose(intent.op === 'delete' ? { id, kind: 'delete', proponent: who, anchor } : { id, kind: 'replace', proponent: who, anchor, text: `${unique()} ${WORDS[intent.c % WORDS.length]}` });
        break;
      }
      case 'nested': {
        const parents = open().filter((p) => (p.kind === 'insert' || p.kind === 'replace') && p.anchor);
        const parent = parents[intent.b % Math.max(1, parents.length)];
        if (!parent) break;
        const starts = wordStarts(parent.text);
        const at = starts[intent.c % starts.length] ?? 0;
        propose({ id, kind: 'insert', proponent: who, anchor: { provisionId: parent.anchor!.provisionId, parent: parent.id, start: at, end: at }, text: `${unique()} ` });
        break;
      }
      case 'new': {
        const place = base();
        const afterId = place[intent.b % place.length] ?? null;
        propose({ id, kind: 'new-provision', proponent: who, after: afterId, provisions: [{ id: `n${made}`, kind: 'paragraph', label: `9.${++newLabel}`, text: `${unique()[0]!.toUpperCase()}${unique().slice(1)} ${sentence(document[0] ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])}` }] });
        break;
      }
      case 'drop-provision': {
        const place = base();
        const target = place[intent.b % place.length];
        const targeted = open().some((p) => p.kind === 'delete-provision' && target !== undefined && p.provisionIds.includes(target));
        if (target !== undefined && !targeted) propose({ id, kind: 'delete-provision', proponent: who, provisionIds: [target] });
        break;
      }
      case 'chair-delete': {
        const range = wordRange(text, intent.b, intent.c);
        if (range) apply({ type: 'chair.proposal.made', at: T0, actor: CHAIR, data: { proposal: { id, kind: 'delete', proponent: 'CHAIR', anchor: { provisionId, parent: null, start: range[0], end: range[1] } } } });
        break;
      }
      case 'position': {
        const candidates = open().filter((p) => p.proponent !== who && p.kind !== 'remark' && p.kind !== 'move');
        const target = candidates[intent.b % Math.max(1, candidates.length)];
        if (!target) break;
        const stances: Stance[] = target.byChair ? ['objects'] : ['supports', 'objects', 'reserves'];
        const stance = stances[intent.stance % stances.length]!;
        apply({ type: 'position.taken', at: T0, actor: delegate(who), data: { proposalId: target.id, delegation: who, stance, reason: intent.reason ? `${WORDS[intent.c % WORDS.length]} reasons` : null } });
        break;
      }
      case 'accept':
      case 'drop': {
        const target = open()[intent.b % Math.max(1, open().length)];
        if (target) apply({ type: 'consensus.declared', at: T0, actor: CHAIR, data: { proposalId: target.id, outcome: intent.op } });
        break;
      }
      case 'statement': {
        const busyEnd = open().some((p) => p.anchor?.provisionId === provisionId && p.anchor.parent === null && p.anchor.end === text.length);
        const noted = [...state.statements.values()].some((s) => s.anchor.provisionId === provisionId);
        if (!busyEnd && !noted && state.provisions.get(provisionId)!.proposedBy === null) {
          apply({ type: 'statement.added', at: T0, actor: delegate(who), data: { statement: { id: `s${made}`, kind: 'footnote', by: null, text: `Note on the ${WORDS[intent.c % WORDS.length]} of this paragraph.`, anchor: { provisionId, at: text.length } } } });
        }
        break;
      }
    }
  }
  return { events, state };
}
