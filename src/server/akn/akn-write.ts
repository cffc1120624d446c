/**
 * A document at a revision as Akoma Ntoso 3.0 (OASIS LegalDocML): an `amendmentList` whose
 * first component is the text (`doc name="text"`: provisions with their eIds) and whose
 * other components are the proposals (`amendment`: proponents and the delegations' stances as
 * `docProponent`s referring to `TLCOrganization`s, the change as a `mod` with quoted text or
 * a quoted structure), statements as `note`s. The rules the output keeps are in
 * docs/akoma-ntoso.md and checked by akn-rules.ts.
 */
import type { DelegationRegistry, DocumentState, Position, Proposal, Provision, Statement } from '../../core/index.ts';
import { AKN_NAMESPACE, buildXml, element, PARLEY_NAMESPACE, type XmlNode } from './akn-xml.ts';

export interface AknOptions {
  readonly organisation: { readonly id: string; readonly name: string };
  /** The date of the revision exported (YYYY-MM-DD). */
  readonly date: string;
  readonly registry: DelegationRegistry;
}

export const STANCE_ROLES = ['proposes', 'supports', 'objects', 'reserves'] as const;

/** An Akoma Ntoso eId: letters, digits, '_', '-', '.'; Parley ids already are, others are escaped. */
export function eIdOf(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/[^A-Za-z0-9_.-]/gu, (ch) => `~${ch.codePointAt(0)!.toString(16)}~`)}`;
}

export function writeAkn(state: DocumentState, options: AknOptions): string {
  const work = `/akn/un/doc/compilation/${options.organisation.id}/${state.id}`;
  const delegations = delegationsOf(state);
  const references = element('references', { source: '#parley' }, [
    element('TLCOrganization', { eId: 'parley', href: '/akn/ontology/organizations/parley', showAs: 'Parley' }),
    element('TLCOrganization', { eId: eIdOf('org', options.organisation.id), href: `/akn/ontology/organizations/${options.organisation.id}`, showAs: options.organisation.name }),
    ...delegations.map((code) => element('TLCOrganization', { eId: code, href: `/akn/ontology/organizations/${code}`, showAs: options.registry.get(code)?.names.en ?? code })),
    ...STANCE_ROLES.map((stance) => element('TLCRole', { eId: stance, href: `/akn/ontology/roles/parley/${stance}`, showAs: stance })),
  ]);
  const notes = element('notes', { source: '#parley' }, [...state.statements.values()].map(note));
  const optionSets = [...state.optionSets.values()].map((set) =>
    element('parley:optionSet', { id: set.id, allowsNoText: set.allowsNoText, status: set.status }, set.members.map((m) => element('parley:member', { t: m.t, id: m.id }))),
  );
  const meta = element('meta', {}, [
    identification(work, `${work}/eng@v${state.version}`, options.date, `#${eIdOf('org', options.organisation.id)}`),
    references,
    ...(state.statements.size > 0 ? [notes] : []),
    element('proprietary', { source: '#parley' }, [element('parley:document', { id: state.id, notation: state.notation, version: state.version }), ...optionSets]),
  ]);
  const text = element('component', { eId: 'cmp_text' }, [
    element('doc', { name: 'text' }, [
      element('meta', {}, [identification(`${work}/text`, `${work}/text/eng@v${state.version}`, options.date, '#parley')]),
      element('mainBody', {}, state.order.map((id) => state.provisions.get(id)).filter((p): p is Provision => p !== undefined && p.proposedBy === null).map(provisionNode)),
    ]),
  ]);
  const amendments = [...state.proposals.values()].map((proposal) =>
    element('component', { eId: eIdOf('cmp', proposal.id) }, [amendment(state, proposal, `${work}/${proposal.id}`, options.date)]),
  );
  return buildXml(
    element('akomaNtoso', { xmlns: AKN_NAMESPACE, 'xmlns:parley': PARLEY_NAMESPACE }, [
      element('amendmentList', { name: 'compilation' }, [
        meta,
        element('preface', {}, [element('p', {}, [element('docTitle', {}, [state.title])])]),
        element('collectionBody', {}, [text, ...amendments]),
      ]),
    ]),
  );
}

function identification(work: string, expression: string, date: string, author: string): XmlNode {
  const frbr = (tag: string, uri: string, extra: XmlNode[]): XmlNode =>
    element(tag, {}, [element('FRBRthis', { value: `${uri}/!main` }), element('FRBRuri', { value: uri }), element('FRBRdate', { date, name: 'generation' }), element('FRBRauthor', { href: author }), ...extra]);
  return element('identification', { source: '#parley' }, [
    frbr('FRBRWork', work, [element('FRBRcountry', { value: 'un' })]),
    frbr('FRBRExpression', expression, [element('FRBRlanguage', { language: 'eng' })]),
    frbr('FRBRManifestation', `${expression}.akn`, []),
  ]);
}

function provisionNode(provision: Provision): XmlNode {
  const attributes = { eId: eIdOf('prov', provision.id), 'parley:id': provision.id, 'parley:kind': provision.kind, 'parley:status': provision.status };
  const num = provision.label === null ? [] : [element('num', {}, [provision.label])];
  if (provision.kind === 'heading') return element('hcontainer', { ...attributes, name: 'heading' }, [...num, element('heading', {}, [provision.text])]);
  const content = element('content', {}, [element('p', {}, [provision.text])]);
  return provision.kind === 'paragraph' ? element('paragraph', attributes, [...num, content]) : element('hcontainer', { ...attributes, name: provision.kind }, [...num, content]);
}

function amendment(state: DocumentState, proposal: Proposal, uri: string, date: string): XmlNode {
  const positions = [...(state.positions.get(proposal.id)?.values() ?? [])];
  const anchor = proposal.anchor;
  const attributes = {
    name: proposal.kind,
    'parley:id': proposal.id,
    'parley:status': proposal.status,
    'parley:proponent': proposal.proponent,
    'parley:byChair': proposal.byChair,
    'parley:provision': anchor?.provisionId,
    'parley:parent': anchor?.parent,
    'parley:start': anchor?.start,
    'parley:end': anchor?.end,
    'parley:targets': proposal.provisionIds.length > 0 && proposal.kind !== 'new-provision' ? proposal.provisionIds.join(' ') : undefined,
    'parley:moveAfter': proposal.kind === 'move' ? (proposal.moveAfter ?? '') : undefined,
    'parley:about': proposal.about,
    'parley:after': proposal.kind === 'new-provision' ? placeOf(state, proposal) : undefined,
  };
  const proponents = positions.map(docProponent);
  if (proposal.proponent !== null && !positions.some((p) => p.delegation === proposal.proponent)) {
    // The proponent is named even where it holds no position (the chair's proposals): marked so, it is not read back as one.
    proponents.unshift(element('docProponent', { refersTo: `#${proposal.proponent}`, as: '#proposes', 'parley:position': false }, [proposal.proponent]));
  }
  const proposed = proposal.provisionIds.map((id) => state.provisions.get(id)).filter((p): p is Provision => p !== undefined);
  const change =
    proposal.kind === 'new-provision'
      ? element('mod', {}, [element('quotedStructure', {}, proposed.map(provisionNode))])
      : element('mod', {}, [element('quotedText', {}, [proposal.text])]);
  return element('amendment', attributes, [
    element('meta', {}, [identification(uri, `${uri}/eng@v${proposal.madeInVersion}`, date, proposal.proponent === null ? '#parley' : `#${proposal.proponent}`)]),
    element('preface', {}, [element('p', {}, proponents)]),
    element('amendmentBody', {}, [element('amendmentContent', {}, [element('p', {}, [change])])]),
  ]);
}

function docProponent(position: Position): XmlNode {
  return element('docProponent', { refersTo: `#${position.delegation}`, as: `#${position.stance}`, 'parley:reason': position.reason ?? undefined }, [position.delegation]);
}

/** The provision a proposed paragraph goes after: the one before its first provision in the document. */
function placeOf(state: DocumentState, proposal: Proposal): string {
  const first = state.order.indexOf(proposal.provisionIds[0] ?? '');
  return first > 0 ? state.order[first - 1]! : '';
}

function note(statement: Statement): XmlNode {
  const { anchor } = statement;
  return element(
    'note',
    {
      eId: eIdOf('note', statement.id),
      class: statement.kind,
      refersTo: statement.by === null ? undefined : `#${statement.by}`,
      'parley:id': statement.id,
      'parley:provision': anchor.provisionId,
      'parley:proposal': anchor.proposalId,
      'parley:at': anchor.at,
      'parley:marker': statement.layout.marker,
    },
    [element('p', {}, [statement.text])],
  );
}

function delegationsOf(state: DocumentState): string[] {
  const codes = new Set<string>();
  for (const proposal of state.proposals.values()) if (proposal.proponent !== null) codes.add(proposal.proponent);
  for (const byDelegation of state.positions.values()) for (const code of byDelegation.keys()) codes.add(code);
  for (const statement of state.statements.values()) if (statement.by !== null) codes.add(statement.by);
  return [...codes].sort();
}
