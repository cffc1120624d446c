/**
 * Writes the compiled view in the UN notation: proponents inside the bracket after a dash,
 * other delegations' verbs after `;` (`[extreme - US; G77 delete]`), alternatives in one
 * bracket or side by side, `Option 1:` blocks, status tags and notes after paragraphs.
 *
 * Layout hints recorded at import are honoured while the positions they state still hold,
 * so an imported draft comes back as written; everything else is written in the plain form.
 */
import type { DelegationRegistry } from '../../delegations/index.ts';
import type { DocumentState } from '../../model/document-state.ts';
import type { Stance } from '../../model/position.ts';
import type { Proposal } from '../../model/proposal.ts';
import type { Provision } from '../../model/provision.ts';
import type { Statement } from '../../model/statement.ts';
import { outlineDocument } from '../../views/document-outline.ts';
import { buildInlineTree, proposalContainer, provisionContainer, type Container, type InlineNode } from '../../views/inline-tree.ts';
import type { RenderedSection } from '../notation.ts';
import { isNameLike } from './attribution.ts';
import { proposalHints, provisionHints, signature, type LateStray, type OptionPlace, type UnProposalHints, type WrapHint } from './hints.ts';

type Sense = 'text' | 'deletion';

interface Decoration {
  readonly at: number;
  readonly order: number;
  readonly text: string;
}

interface Attribution {
  readonly attr: string;
  readonly tail: string;
  readonly wraps: readonly WrapHint[];
}

export function renderUnSections(state: DocumentState, registry: DelegationRegistry): RenderedSection[] {
  return new UnWriter(state, registry).sections();
}

class UnWriter {
  private readonly decorations = new Map<string, Decoration[]>();
  /** Provision → the option header written with it. */
  private readonly headers = new Map<string, { header: string; place: OptionPlace; space: string }>();
  /** Option proposals written under a header rather than in brackets. */
  private readonly unbracketedOptions = new Set<string>();
  private readonly before = new Map<string, string[]>();
  private readonly after = new Map<string, string[]>();
  /** Statements written as a paragraph's trailer. */
  private readonly inTrailer = new Set<string>();
  private readonly shortNames = new Map<string, string>();

  constructor(
    private readonly state: DocumentState,
    private readonly registry: DelegationRegistry,
  ) {
    this.collectDecorations();
    this.planOptions();
    for (const provision of state.provisions.values()) {
      for (const item of provisionHints(provision.layout)?.trailer ?? []) {
        if (item.t === 'note' && state.statements.get(item.statementId)?.anchor.provisionId === provision.id) this.inTrailer.add(item.statementId);
      }
    }
  }

  sections(): RenderedSection[] {
    const sections: RenderedSection[] = [];
    const notes = this.notesByHome();
    for (const entry of outlineDocument(this.state)) {
      const provision = this.state.provisions.get(entry.provisionId);
      if (!provision) continue;
      const paragraphs: string[] = [];
      paragraphs.push(...(this.before.get(provision.id) ?? []));
      paragraphs.push(...this.provisionLines(provision, entry.opens, entry.closes));
      for (const remark of entry.remarksAfter) paragraphs.push(`(Remark by ${this.names(this.forNames(remark))}: ${remark.text})`);
      for (const note of notes.get(provision.id) ?? []) paragraphs.push(this.noteText(note));
      paragraphs.push(...(this.after.get(provision.id) ?? []));
      sections.push({ provisionId: provision.id, paragraphs });
    }
    const trailing = (notes.get('') ?? []).map((note) => this.noteText(note));
    if (trailing.length > 0) sections.push({ provisionId: null, paragraphs: trailing });
    return sections;
  }

  // -------------------------------------------------------------------------------------
  // Paragraphs

  private provisionLines(provision: Provision, opens: readonly Proposal[], closes: readonly Proposal[]): string[] {
    const { layout } = provision;
    const bracketed = (p: Proposal): boolean => !this.unbracketedOptions.has(p.id) && !p.layout.unbracketed;
    const opening = (list: readonly Proposal[]): string => list.filter(bracketed).map((p) => '['.repeat(1 + this.attribution(p).wraps.length) + (proposalHints(p.layout)?.lead ?? '')).join('');
    const inside = opening(opens.filter((p) => !p.layout.labelOutside));
    const outside = opening(opens.filter((p) => p.layout.labelOutside));
    let label = '';
    if (provision.label !== null) {
      const raw = layout.labelRaw ?? provision.label;
      label = (layout.labelBracketed ? `[${raw}]` : raw) + (layout.afterLabel ?? ' ');
    }
    const prefix = layout.prefix ?? '';
    const body = this.container(provisionContainer(this.state, provision.id)!);
    const closing = closes.map((p) => this.closeBlock(p)).join('');
    const option = this.headers.get(provision.id);
    let line: string;
    // A paragraph's own brackets open before its indentation and label (which the reader found inside them).
    if (option?.place === 'after-label' && label !== '') line = prefix + label + option.header + option.space + inside + outside + body;
    else if (option) line = option.header + option.space + inside + prefix + label + outside + body;
    else line = inside + prefix + label + outside + body;
    // Tags and notes after the paragraph: those written inside the brackets closing here come
    // before them; `own` ones start a line of their own, the rest follow on the line.
    const lines = [line];
    let tagged = false;
    let closed = false;
    for (const item of provisionHints(layout)?.trailer ?? []) {
      let text: string | null = null;
      if (item.t === 'tag' && provision.status !== 'open') {
        text = item.raw;
        tagged = true;
      }
      if (item.t === 'note' && this.inTrailer.has(item.statementId)) text = item.raw;
      if (text === null) continue;
      if (item.outside && !closed) {
        lines[lines.length - 1] += closing;
        closed = true;
      }
      if (item.own) lines.push(text);
      else lines[lines.length - 1] += item.space + text;
    }
    if (!closed) lines[lines.length - 1] += closing;
    if (provision.status !== 'open' && !tagged) lines[lines.length - 1] += provision.status === 'adopted' ? ' [Adopted]' : ' [Agreed ad ref]';
    return lines;
  }

  /** What follows the last paragraph of a proposed or opposed block. */
  private closeBlock(proposal: Proposal): string {
    if (this.unbracketedOptions.has(proposal.id)) return '';
    const sense: Sense = proposal.kind === 'delete-provision' ? 'deletion' : 'text';
    if (proposal.layout.unbracketed) {
      const hints = proposalHints(proposal.layout);
      return hints && this.holds(proposal, hints) ? (hints.tail ?? '') : this.parenthesised(proposal, sense);
    }
    return this.closing(proposal, this.attribution(proposal));
  }

  /** `attr]tail` and the reactions wrapped around it. */
  private closing(proposal: Proposal, attribution: Attribution): string {
    const hints = proposalHints(proposal.layout);
    return (
      attribution.attr +
      (proposal.layout.implicitClose ? '' : ']') +
      attribution.tail +
      attribution.wraps.map((wrap) => wrap.attr + (wrap.implicitClose ? '' : ']') + wrap.tail).join('') +
      (hints?.after ?? '')
    );
  }

  /** Option headers, and the "no text" options, for every open set of alternative paragraphs. */
  private planOptions(): void {
    const index = new Map(this.state.order.map((id, i) => [id, i]));
    for (const set of this.state.optionSets.values()) {
      if (set.status !== 'open') continue;
      const members: { proposal: Proposal | null; provisions: string[] }[] = [];
      for (const member of set.members) {
        if (member.t === 'provision') {
          if (index.has(member.id)) members.push({ proposal: null, provisions: [member.id] });
          continue;
        }
        const proposal = this.state.proposals.get(member.id);
        if (proposal?.status !== 'open' || proposal.kind !== 'new-provision') continue;
        const provisions = proposal.provisionIds.filter((id) => index.has(id));
        if (provisions.length > 0) members.push({ proposal, provisions });
      }
      if (members.length === 0) continue;
      members.sort((a, b) => index.get(a.provisions[0]!)! - index.get(b.provisions[0]!)!);
      let noText = false;
      members.forEach(({ proposal, provisions }, k) => {
        const first = provisions[0]!;
        const last = provisions.at(-1)!;
        const hints = proposal ? proposalHints(proposal.layout) : null;
        const holds = proposal !== null && hints !== null && this.holds(proposal, hints);
        const header = hints?.option && holds ? hints.option.header : `Option ${k + 1}${proposal ? this.parenthesisedHeader(proposal) : ''}:`;
        const place = hints?.option?.place ?? (provisions.length === 1 ? 'before-label' : 'alone');
        if (proposal && !(hints?.bracketed && holds)) this.unbracketedOptions.add(proposal.id);
        if (place === 'alone') this.push(this.before, first, header);
        else this.headers.set(first, { header, place, space: hints?.option?.space ?? ' ' });
        if (hints?.noTextBefore !== undefined) {
          this.before.set(first, [hints.noTextBefore, ...(this.before.get(first) ?? [])]);
          noText = true;
        }
        if (hints?.noTextAfter !== undefined) {
          this.push(this.after, last, hints.noTextAfter);
          noText = true;
        }
      });
      if (set.allowsNoText && !noText) this.push(this.after, members.at(-1)!.provisions.at(-1)!, `Option ${members.length + 1}: {No text}`);
    }
  }

  private push(map: Map<string, string[]>, key: string, text: string): void {
    map.set(key, [...(map.get(key) ?? []), text]);
  }

  // -------------------------------------------------------------------------------------
  // Words

  private container(container: Container): string {
    const decorations = this.decorations.get(containerId(container)) ?? [];
    const late = [...this.late(container)];
    let next = 0;
    let out = '';
    const flush = (upTo: number): void => {
      while (next < decorations.length && decorations[next]!.at <= upTo) out += decorations[next++]!.text;
    };
    // Late strays follow the insertion they were written after; if it is gone, they stay at their point.
    const flushLate = (test: (stray: LateStray) => boolean): void => {
      for (let k = 0; k < late.length; k++) {
        if (!test(late[k]!)) continue;
        out += late[k]!.text;
        late.splice(k--, 1);
      }
    };
    const render = (nodes: readonly InlineNode[]): string => {
      const saved = out;
      out = '';
      walk(nodes);
      const inner = out;
      out = saved;
      return inner;
    };
    const walk = (nodes: readonly InlineNode[]): void => {
      // Insertions written inside a deletion's bracket at its edge are written by the deletion.
      const edges = new Set<string>();
      for (const node of nodes) if (node.t === 'proposal') for (const id of proposalHints(node.proposal.layout)?.edges ?? []) edges.add(id);
      let previous: Proposal | null = null;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        if (node.t === 'proposal' && edges.has(node.proposal.id)) continue;
        if (node.t === 'text') {
          flushLate((stray) => stray.at <= node.start);
          let from = 0;
          while (next < decorations.length && decorations[next]!.at < node.start + node.text.length) {
            const at = Math.max(decorations[next]!.at - node.start, from);
            out += node.text.slice(from, at);
            from = at;
            out += decorations[next++]!.text;
          }
          out += node.text.slice(from);
          previous = null;
          continue;
        }
        flush(node.proposal.anchor!.start);
        const group = this.groupAt(nodes, i);
        // Two unrelated brackets side by side would read back as alternatives: keep them apart
        // (brackets read from a draft were apart already, or they would be alternatives).
        if (previous !== null && (proposalHints(previous.layout) === null || proposalHints(node.proposal.layout) === null)) out += ' ';
        if (group.length > 1) {
          out += this.alternatives(group);
          i += group.length - 1;
          const ids = new Set(group.map((p) => p.id));
          flushLate((stray) => ids.has(stray.after));
        } else {
          out += this.inlineProposal(node, render, nodes);
        }
        previous = node.proposal;
        flushLate((stray) => stray.after === node.proposal.id);
      }
    };
    walk(buildInlineTree(this.state, container));
    flush(Number.POSITIVE_INFINITY);
    flushLate(() => true);
    return out;
  }

  private late(container: Container): readonly LateStray[] {
    if (container.parent === null) {
      const provision = this.state.provisions.get(container.provisionId);
      return provision ? (provisionHints(provision.layout)?.late ?? []) : [];
    }
    const proposal = this.state.proposals.get(container.parent);
    return proposal ? (proposalHints(proposal.layout)?.late ?? []) : [];
  }

  /** The insertions at one place that belong to one open option set, from `nodes[i]` on. */
  private groupAt(nodes: readonly InlineNode[], i: number): Proposal[] {
    const first = nodes[i];
    if (first?.t !== 'proposal' || first.proposal.kind !== 'insert' || first.proposal.optionSetId === null) return [];
    const setId = first.proposal.optionSetId;
    if (this.state.optionSets.get(setId)?.status !== 'open') return [first.proposal];
    const group = [first.proposal];
    for (let j = i + 1; j < nodes.length; j++) {
      const node = nodes[j]!;
      if (node.t !== 'proposal' || node.proposal.kind !== 'insert' || node.proposal.optionSetId !== setId) break;
      if (node.proposal.anchor!.start !== first.proposal.anchor!.start) break;
      group.push(node.proposal);
    }
    return group;
  }

  private alternatives(group: readonly Proposal[]): string {
    let out = '';
    group.forEach((proposal, index) => {
      const hints = proposalHints(proposal.layout);
      const { attr } = this.attribution(proposal);
      if (index > 0 && hints?.join === 'slash') {
        out += hints.sep ?? ' / ';
      } else {
        if (index > 0) out += this.closing(group[index - 1]!, { ...this.attribution(group[index - 1]!), attr: '', wraps: [] });
        out += '[' + (hints?.lead ?? '');
      }
      out += this.container(proposalContainer(proposal)) + attr;
    });
    const last = group.at(-1)!;
    return out + this.closing(last, { ...this.attribution(last), attr: '', wraps: [] });
  }

  private inlineProposal(node: Extract<InlineNode, { t: 'proposal' }>, render: (nodes: readonly InlineNode[]) => string, siblings: readonly InlineNode[]): string {
    const { proposal } = node;
    const hints = proposalHints(proposal.layout);
    const lead = hints?.lead ?? '';
    // The covered words, with the insertions written inside the bracket at either edge.
    const covered = (nodes: readonly InlineNode[]): string => {
      const edges = new Set(hints?.edges ?? []);
      const { start, end } = proposal.anchor!;
      const at = (point: number): InlineNode[] =>
        siblings.filter((n) => n.t === 'proposal' && edges.has(n.proposal.id) && n.proposal.anchor!.start === point && n.proposal.anchor!.end === point);
      return render(at(start)) + render(nodes) + (end === start ? '' : render(at(end)));
    };
    switch (proposal.kind) {
      case 'insert':
      case 'remark': {
        const attribution = this.attribution(proposal);
        return '['.repeat(1 + attribution.wraps.length) + lead + this.container(proposalContainer(proposal)) + this.closing(proposal, attribution);
      }
      case 'delete': {
        const attribution = this.attribution(proposal);
        return '['.repeat(1 + attribution.wraps.length) + lead + covered(node.covered) + this.closing(proposal, attribution);
      }
      case 'replace': {
        const old = covered(node.covered);
        const fresh = this.container(proposalContainer(proposal));
        if (hints?.form === 'replace' && this.holds(proposal, hints)) {
          return `[${old}${hints.oldAttr ?? ''}]${hints.oldTail ?? ''}[${fresh}` + this.closing(proposal, this.attribution(proposal));
        }
        const deleter = proposal.proponent === null ? '' : ` - ${this.name(proposal.proponent, hints)} delete`;
        return `[${old}${deleter}][${fresh}${this.fresh(proposal, 'text')}]`;
      }
      default:
        return covered(node.covered);
    }
  }

  // -------------------------------------------------------------------------------------
  // Attributions

  /** The attribution as the draft wrote it while its positions hold; written afresh otherwise. */
  private attribution(proposal: Proposal): Attribution {
    const hints = proposalHints(proposal.layout);
    if (hints && this.holds(proposal, hints)) return { attr: hints.attr ?? '', tail: hints.tail ?? '', wraps: hints.wraps ?? [] };
    return { attr: this.fresh(proposal, senseOf(proposal)), tail: '', wraps: [] };
  }

  private holds(proposal: Proposal, hints: UnProposalHints): boolean {
    const stances = new Map<string, Stance>();
    for (const position of this.state.positions.get(proposal.id)?.values() ?? []) stances.set(position.delegation, position.stance);
    return hints.sig === signature(stances);
  }

  /** ` - US, EU; G77 delete; Japan reserve` from the positions now held. */
  private fresh(proposal: Proposal, sense: Sense): string {
    const groups = this.byStance(proposal);
    const segments: string[] = [];
    const hints = proposalHints(proposal.layout);
    const list = (codes: readonly string[]): string => codes.map((code) => this.name(code, hints)).join(', ');
    if (sense === 'text') {
      if (groups.proposes.length > 0) segments.push(list(groups.proposes));
      if (groups.supports.length > 0) segments.push(`${list(groups.supports)} retain`);
      if (groups.objects.length > 0) segments.push(`${list(groups.objects)} delete`);
    } else {
      const deleters = [...groups.proposes, ...groups.supports];
      if (deleters.length > 0) segments.push(`${list(deleters)} delete`);
      if (groups.objects.length > 0) segments.push(`${list(groups.objects)} retain`);
    }
    if (groups.reserves.length > 0) segments.push(`${list(groups.reserves)} reserve`);
    return segments.length > 0 ? ' - ' + segments.join('; ') : '';
  }

  /** ` (G77) (US: delete)`: the form written after an unbracketed paragraph. */
  private parenthesised(proposal: Proposal, sense: Sense): string {
    const groups = this.byStance(proposal);
    const hints = proposalHints(proposal.layout);
    const list = (codes: readonly string[]): string => codes.map((code) => this.name(code, hints)).join(', ');
    const forWords = sense === 'text' ? groups.proposes : [];
    const deleting = sense === 'text' ? groups.objects : [...groups.proposes, ...groups.supports];
    const retaining = sense === 'text' ? groups.supports : groups.objects;
    let out = '';
    if (forWords.length > 0) out += ` (${list(forWords)}: add)`;
    if (retaining.length > 0) out += ` (${list(retaining)}: retain)`;
    if (deleting.length > 0) out += ` (${list(deleting)}: delete)`;
    if (groups.reserves.length > 0) out += ` (${list(groups.reserves)}: reserve)`;
    return out;
  }

  /** ` (G77; US delete)` for an option header, or ''. */
  private parenthesisedHeader(proposal: Proposal): string {
    const fresh = this.fresh(proposal, 'text');
    return fresh === '' ? '' : ` (${fresh.slice(3)})`;
  }

  private byStance(proposal: Proposal): Record<Stance, string[]> {
    const groups: Record<Stance, string[]> = { proposes: [], supports: [], objects: [], reserves: [] };
    if (proposal.byChair) groups.proposes.push('CHAIR');
    const positions = [...(this.state.positions.get(proposal.id)?.values() ?? [])];
    // The proponent is named first.
    positions.sort((a, b) => Number(b.delegation === proposal.proponent) - Number(a.delegation === proposal.proponent));
    for (const position of positions) groups[position.stance].push(position.delegation);
    return groups;
  }

  private forNames(proposal: Proposal): string[] {
    const groups = this.byStance(proposal);
    return [...groups.proposes, ...groups.supports];
  }

  private names(codes: readonly string[]): string {
    return codes.map((code) => this.name(code, null)).join(', ') || 'unknown';
  }

  /** How to write a delegation: as the draft wrote it, else its usual short name ("US", "Russia", "G77"). */
  private name(code: string, hints: UnProposalHints | null): string {
    const written = hints?.names?.[code];
    if (written !== undefined) return written;
    if (code === 'CHAIR') return 'Chair';
    const cached = this.shortNames.get(code);
    if (cached !== undefined) return cached;
    const delegation = this.registry.get(code);
    let chosen = code;
    if (delegation) {
      const usable = [delegation.names.en, ...delegation.shortNames].filter(
        (name) => /^[\p{Script=Latin}0-9 .'’-]+$/u.test(name) && isNameLike(name) && this.registry.resolve(name)?.code === code,
      );
      // Groups go by their acronym (G77, EU); states by "US"/"UK" or their shortest everyday name (China, Russia).
      const byLength = [...usable].sort((a, b) => a.length - b.length);
      const everyday = byLength.find((name) => /\p{Ll}/u.test(name) && name.length <= 12);
      const twoLetters = byLength.find((name) => /^\p{Lu}{2}$/u.test(name));
      chosen = (delegation.kind === 'group' ? byLength[0] : (twoLetters ?? everyday ?? byLength[0])) ?? code;
    }
    this.shortNames.set(code, chosen);
    return chosen;
  }

  // -------------------------------------------------------------------------------------
  // Notes and stray characters

  /** Statements not written in a trailer go after the paragraph they concern ('' = at the end). */
  private notesByHome(): Map<string, Statement[]> {
    const present = new Set(this.state.order);
    const byHome = new Map<string, Statement[]>();
    for (const statement of this.state.statements.values()) {
      if (this.inTrailer.has(statement.id) || statement.layout.textless) continue;
      const home = [statement.layout.placedAfter, statement.layout.placedInside?.provisionId, this.homeOf(statement)].find((id) => id !== undefined && present.has(id)) ?? '';
      byHome.set(home, [...(byHome.get(home) ?? []), statement]);
    }
    return byHome;
  }

  private homeOf(statement: Statement): string | undefined {
    if (statement.anchor.provisionId !== undefined) return statement.anchor.provisionId;
    const proposal = this.state.proposals.get(statement.anchor.proposalId);
    if (!proposal) return undefined;
    return proposal.anchor?.provisionId ?? proposal.provisionIds.at(-1) ?? proposal.about ?? undefined;
  }

  private noteText(statement: Statement): string {
    const text = statement.text;
    if (/^(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}?notes?\b|^(?:agreed|adopted|placement|formerly|former|source|based on|reservation|statement)\b/iu.test(text)) return `(${text})`;
    const by = statement.by !== null && statement.by !== 'CHAIR' ? this.name(statement.by, null) : null;
    switch (statement.kind) {
      case 'chair-note':
        return `(Chair's note: ${text})`;
      case 'reservation':
        return by ? `(${by}: reservation: ${text})` : `(Reservation: ${text})`;
      case 'interpretative':
        return `(Statement${by ? ` by ${by}` : ''}: ${text})`;
      case 'provenance':
        return `(Source: ${text})`;
      case 'renumbering':
        return `(Formerly: ${text})`;
      case 'footnote':
        return `(Note: ${by && !statement.layout.attributed ? `${by}: ` : ''}${text})`;
    }
  }

  private collectDecorations(): void {
    let order = 0;
    const add = (key: string, at: number, text: string): void => {
      const list = this.decorations.get(key);
      if (list) list.push({ at, order: order++, text });
      else this.decorations.set(key, [{ at, order: order++, text }]);
    };
    for (const provision of this.state.provisions.values()) {
      for (const stray of provision.layout.strays ?? []) add(`v:${provision.id}`, stray.at, stray.text);
    }
    for (const proposal of this.state.proposals.values()) {
      for (const stray of proposal.layout.strays ?? []) add(`p:${proposal.id}`, stray.at, stray.text);
    }
    for (const list of this.decorations.values()) list.sort((a, b) => a.at - b.at || a.order - b.order);
  }
}

function senseOf(proposal: Proposal): Sense {
  return proposal.kind === 'delete' || proposal.kind === 'delete-provision' ? 'deletion' : 'text';
}

function containerId(container: Container): string {
  return container.parent === null ? `v:${container.provisionId}` : `p:${container.parent}`;
}
