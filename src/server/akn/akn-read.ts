/**
 * Akoma Ntoso written by akn-write.ts read back as the events that make the same state:
 * the text's provisions, the open proposals with their proponents and every delegation's
 * stance, statements, option sets and agreement. Proposals no longer open are history: their
 * effect is already in the provisions' text, so they are not made again.
 */
import { tryApplyEvent, emptyState, type Actor, type DocumentState, type ParleyEvent, type ProposalInput, type ProvisionInput, type ProvisionKind, type ProposalKind, type Stance, type StatementKind } from '../../core/index.ts';
import { all, attribute, child, childrenOf, nameOf, parseXml, textOf, walk, type XmlNode } from './akn-xml.ts';

export class AknReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AknReadError';
  }
}

export interface AknReadResult {
  readonly state: DocumentState;
  readonly events: ParleyEvent[];
  /** What could not be taken in, in words. */
  readonly warnings: string[];
}

interface AmendmentData {
  readonly input: ProposalInput;
  readonly byChair: boolean;
  readonly after: string | null;
  readonly positions: { delegation: string; stance: Stance; reason: string | null }[];
}

export function readAkn(xml: string, options: { readonly actor: Actor; readonly at: string; readonly documentId?: string }): AknReadResult {
  let nodes: XmlNode[];
  try {
    nodes = parseXml(xml);
  } catch (error) {
    throw new AknReadError('The file is not well-formed XML.', { cause: error });
  }
  const root = nodes.find((n) => nameOf(n) === 'akomaNtoso');
  const list = root ? child(root, 'amendmentList') : undefined;
  if (!list) throw new AknReadError('The file is not an Akoma Ntoso amendment list as Parley writes it (akomaNtoso › amendmentList).');
  const meta = child(list, 'meta');
  const documentInfo = [...walk(meta ? [meta] : [])].find((n) => nameOf(n) === 'parley:document');
  const title = textOf([...walk([list])].find((n) => nameOf(n) === 'docTitle') ?? { t: [] }).trim() || 'Untitled draft';
  const { actor, at } = options;
  const warnings: string[] = [];
  const state = emptyState();
  const events: ParleyEvent[] = [];
  const apply = (event: ParleyEvent): boolean => {
    const result = tryApplyEvent(state, event);
    if (result.ok) events.push(event);
    else warnings.push(result.rejection.message);
    return result.ok;
  };
  apply({ type: 'document.created', at, actor, data: { documentId: options.documentId ?? attribute(documentInfo ?? {}, 'id') ?? 'akn', title, notation: attribute(documentInfo ?? {}, 'notation') ?? 'cica' } });

  const body = collectionComponents(list);
  const text = body.find((c) => nameOf(c) === 'doc' && attribute(c, 'name') === 'text');
  const mainBody = text ? child(text, 'mainBody') : undefined;
  let after: string | null = null;
  const agreed: { id: string; status: 'agreed-ad-ref' | 'adopted' }[] = [];
  for (const node of mainBody ? childrenOf(mainBody) : []) {
    const provision = provisionInput(node);
    if (apply({ type: 'provision.added', at, actor, data: { provision, after } })) after = provision.id;
    const status = attribute(node, 'parley:status');
    if (status === 'agreed-ad-ref' || status === 'adopted') agreed.push({ id: provision.id, status });
  }

  const amendments = body.filter((c) => nameOf(c) === 'amendment' && attribute(c, 'parley:status') === 'open').map(amendmentData);
  const made = (data: AmendmentData): boolean => apply(data.byChair ? { type: 'chair.proposal.made', at, actor, data: { proposal: data.input } } : { type: 'proposal.made', at, actor, data: { proposal: data.input } });
  // Proposed paragraphs first, each once what it follows exists; then text proposals, each once its container exists.
  const pending = [...amendments];
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    for (let k = 0; k < pending.length; k++) {
      const data = pending[k]!;
      if (!isReady(state, data)) continue;
      pending.splice(k--, 1);
      progress = true;
      made(data);
    }
  }
  for (const data of pending) warnings.push(`Proposal ${data.input.id} refers to a provision or proposal that is not in the file; it was left out.`);
  for (const data of amendments) {
    if (!state.proposals.has(data.input.id)) continue;
    for (const position of data.positions) {
      if (position.stance === 'proposes' && position.delegation === data.input.proponent && !data.byChair) continue;
      apply({ type: 'position.taken', at, actor, data: { proposalId: data.input.id, delegation: position.delegation, stance: position.stance, reason: position.reason } });
    }
  }
  const notes = meta ? child(meta, 'notes') : undefined;
  for (const note of notes ? all(notes, 'note') : []) {
    const statement = statementOf(note);
    if ('proposalId' in statement.anchor && !state.proposals.has(statement.anchor.proposalId)) continue;
    apply({ type: 'statement.added', at, actor, data: { statement } });
  }
  for (const set of [...walk(meta ? [meta] : [])].filter((n) => nameOf(n) === 'parley:optionSet' && attribute(n, 'status') === 'open')) {
    const members = all(set, 'parley:member')
      .map((m) => ({ t: attribute(m, 't') === 'provision' ? ('provision' as const) : ('proposal' as const), id: attribute(m, 'id') ?? '' }))
      .filter((m) => (m.t === 'proposal' ? state.proposals.get(m.id)?.status === 'open' : state.provisions.has(m.id)));
    if (members.length > 0) apply({ type: 'option-set.formed', at, actor, data: { optionSet: { id: attribute(set, 'id') ?? '', members, allowsNoText: attribute(set, 'allowsNoText') === 'true' } } });
  }
  for (const { id, status } of agreed) apply({ type: 'provision.agreed', at, actor, data: { provisionId: id, status } });
  return { state, events, warnings };
}

function collectionComponents(list: XmlNode): XmlNode[] {
  const body = child(list, 'collectionBody');
  return (body ? all(body, 'component') : []).flatMap((component) => childrenOf(component));
}

function provisionInput(node: XmlNode): ProvisionInput {
  const num = child(node, 'num');
  const heading = child(node, 'heading');
  const content = child(node, 'content');
  const p = content ? child(content, 'p') : undefined;
  return {
    id: attribute(node, 'parley:id') ?? attribute(node, 'eId') ?? '',
    kind: (attribute(node, 'parley:kind') ?? (nameOf(node) === 'paragraph' ? 'paragraph' : 'free-text')) as ProvisionKind,
    label: num ? textOf(num) : null,
    text: heading ? textOf(heading) : p ? textOf(p) : '',
  };
}

function amendmentData(node: XmlNode): AmendmentData {
  const number = (name: string): number | undefined => {
    const value = attribute(node, name);
    return value === undefined ? undefined : Number(value);
  };
  const kind = (attribute(node, 'name') ?? 'remark') as ProposalKind;
  const provisionId = attribute(node, 'parley:provision');
  const start = number('parley:start');
  const end = number('parley:end');
  const modNode = [...walk([node])].find((n) => nameOf(n) === 'mod');
  const quoted = modNode ? child(modNode, 'quotedText') : undefined;
  const structure = modNode ? child(modNode, 'quotedStructure') : undefined;
  const targets = attribute(node, 'parley:targets');
  const moveAfter = attribute(node, 'parley:moveAfter');
  const after = attribute(node, 'parley:after');
  const input: ProposalInput = {
    id: attribute(node, 'parley:id') ?? '',
    kind,
    proponent: attribute(node, 'parley:proponent') ?? null,
    ...(provisionId !== undefined && start !== undefined && end !== undefined ? { anchor: { provisionId, parent: attribute(node, 'parley:parent') ?? null, start, end } } : {}),
    text: quoted ? textOf(quoted) : '',
    ...(structure ? { provisions: childrenOf(structure).map(provisionInput), after: after === undefined || after === '' ? null : after } : {}),
    ...(targets !== undefined ? { provisionIds: targets.split(' ').filter((id) => id !== '') } : {}),
    ...(moveAfter !== undefined ? { moveAfter: moveAfter === '' ? null : moveAfter } : {}),
    ...(attribute(node, 'parley:about') !== undefined ? { about: attribute(node, 'parley:about')! } : {}),
  };
  const preface = child(node, 'preface');
  const positions = [...walk(preface ? [preface] : [])]
    .filter((n) => nameOf(n) === 'docProponent' && attribute(n, 'parley:position') !== 'false')
    .map((n) => ({ delegation: (attribute(n, 'refersTo') ?? '').replace(/^#/u, ''), stance: (attribute(n, 'as') ?? '#proposes').replace(/^#/u, '') as Stance, reason: attribute(n, 'parley:reason') ?? null }));
  const proponentReason = positions.find((p) => p.delegation === input.proponent && p.stance === 'proposes')?.reason ?? null;
  return { input: proponentReason === null ? input : { ...input, reason: proponentReason }, byChair: attribute(node, 'parley:byChair') === 'true', after: after ?? null, positions };
}

function isReady(state: DocumentState, data: AmendmentData): boolean {
  const { input } = data;
  if (input.kind === 'new-provision') return input.after === null || input.after === undefined || state.provisions.has(input.after);
  if (input.anchor) return state.provisions.has(input.anchor.provisionId) && (input.anchor.parent === null || state.proposals.has(input.anchor.parent));
  return (input.provisionIds ?? []).every((id) => state.provisions.has(id));
}

function statementOf(note: XmlNode): {
  id: string;
  kind: StatementKind;
  by: string | null;
  text: string;
  anchor: { provisionId: string; at: number | 'label' | 'end' } | { proposalId: string; at?: number };
  layout?: { marker: string };
} {
  const at = attribute(note, 'parley:at');
  const proposalId = attribute(note, 'parley:proposal');
  const numeric = at !== undefined && /^\d+$/u.test(at) ? Number(at) : undefined;
  const anchor =
    proposalId !== undefined
      ? { proposalId, ...(numeric !== undefined ? { at: numeric } : {}) }
      : { provisionId: attribute(note, 'parley:provision') ?? '', at: numeric ?? (at === 'label' ? ('label' as const) : ('end' as const)) };
  const p = child(note, 'p');
  const marker = attribute(note, 'parley:marker');
  return {
    ...(marker !== undefined ? { layout: { marker } } : {}),
    id: attribute(note, 'parley:id') ?? attribute(note, 'eId') ?? '',
    kind: (attribute(note, 'class') ?? 'footnote') as StatementKind,
    by: (attribute(note, 'refersTo') ?? '').replace(/^#/u, '') || null,
    text: p ? textOf(p) : '',
    anchor,
  };
}
