/**
 * The structure rules Parley's Akoma Ntoso keeps, checked on the XML as written. No npm
 * package ships the Akoma Ntoso 3.0 schema, so these rules — each a part of what the schema
 * requires of the elements Parley uses, plus Parley's own — stand in for it; they are
 * written down in docs/akoma-ntoso.md, rule by rule, with the same numbers.
 */
import { AKN_NAMESPACE, attribute, child, childrenOf, nameOf, parseXml, walk, type XmlNode } from './akn-xml.ts';

const EID = /^[A-Za-z_][A-Za-z0-9_.~-]*$/u;
const FRBR_LEVELS = ['FRBRWork', 'FRBRExpression', 'FRBRManifestation'] as const;
const FRBR_COMMON = ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor'] as const;
const DOCUMENT_TYPES = new Set(['amendmentList', 'doc', 'amendment']);

/** The rules the document breaks, as "R<n>: what" lines; empty when it keeps them all. */
export function checkAkn(xml: string): string[] {
  const problems: string[] = [];
  let nodes: XmlNode[];
  try {
    nodes = parseXml(xml);
  } catch (error) {
    return [`R1: not well-formed XML (${String(error)})`];
  }
  const roots = nodes.filter((n) => nameOf(n) !== '?xml' && nameOf(n) !== '#text');
  const root = roots[0];
  if (roots.length !== 1 || !root || nameOf(root) !== 'akomaNtoso') return ['R1: the root element must be one akomaNtoso'];
  if (attribute(root, 'xmlns') !== AKN_NAMESPACE) problems.push(`R1: akomaNtoso must be in the namespace ${AKN_NAMESPACE}`);
  const top = childrenOf(root);
  if (top.length !== 1 || nameOf(top[0]!) !== 'amendmentList') problems.push('R2: akomaNtoso holds exactly one document, an amendmentList');
  for (const node of walk([root])) {
    if (!DOCUMENT_TYPES.has(nameOf(node))) continue;
    const first = childrenOf(node)[0];
    if (!first || nameOf(first) !== 'meta') {
      problems.push(`R3: ${nameOf(node)} must begin with meta`);
      continue;
    }
    const identification = child(first, 'identification');
    if (!identification || attribute(identification, 'source') === undefined) {
      problems.push(`R3: the meta of ${nameOf(node)} needs an identification with a source`);
      continue;
    }
    const levels = childrenOf(identification).map(nameOf);
    if (levels.join(' ') !== FRBR_LEVELS.join(' ')) problems.push(`R4: identification must hold ${FRBR_LEVELS.join(', ')} in that order`);
    for (const level of childrenOf(identification)) {
      const names = childrenOf(level).map(nameOf);
      if (names.slice(0, 4).join(' ') !== FRBR_COMMON.join(' ')) problems.push(`R4: ${nameOf(level)} must begin with ${FRBR_COMMON.join(', ')}`);
      if (nameOf(level) === 'FRBRWork' && !names.includes('FRBRcountry')) problems.push('R4: FRBRWork needs FRBRcountry');
      if (nameOf(level) === 'FRBRExpression' && !names.includes('FRBRlanguage')) problems.push('R4: FRBRExpression needs FRBRlanguage');
    }
  }
  const eIds = new Set<string>();
  for (const node of walk([root])) {
    const eId = attribute(node, 'eId');
    if (eId === undefined) continue;
    if (!EID.test(eId)) problems.push(`R5: eId "${eId}" is not a valid identifier`);
    if (eIds.has(eId)) problems.push(`R5: eId "${eId}" is used twice`);
    eIds.add(eId);
  }
  const references = new Map<string, string>();
  for (const node of walk([root])) if (nameOf(node).startsWith('TLC')) references.set(attribute(node, 'eId') ?? '', nameOf(node));
  for (const node of walk([root])) {
    for (const name of ['refersTo', 'as', 'href', 'source']) {
      const value = attribute(node, name);
      if (value === undefined || !value.startsWith('#')) continue;
      if (!references.has(value.slice(1)) && !eIds.has(value.slice(1))) problems.push(`R6: ${nameOf(node)} ${name}="${value}" refers to nothing`);
    }
    if (nameOf(node) === 'docProponent') {
      if (references.get((attribute(node, 'refersTo') ?? '').slice(1)) !== 'TLCOrganization') problems.push('R7: a docProponent must refer to a TLCOrganization');
      if (references.get((attribute(node, 'as') ?? '').slice(1)) !== 'TLCRole') problems.push('R7: a docProponent’s "as" must refer to a TLCRole');
    }
    if (nameOf(node) === 'paragraph' || nameOf(node) === 'hcontainer') {
      const names = childrenOf(node).map(nameOf);
      if (attribute(node, 'eId') === undefined) problems.push(`R8: every ${nameOf(node)} needs an eId`);
      if (names.includes('num') && names[0] !== 'num') problems.push(`R8: num comes first in ${nameOf(node)}`);
      if (!names.includes('content') && !names.includes('heading')) problems.push(`R8: ${nameOf(node)} needs content or a heading`);
      if (nameOf(node) === 'hcontainer' && attribute(node, 'name') === undefined) problems.push('R8: hcontainer needs a name');
    }
    if (nameOf(node) === 'amendment') {
      const names = childrenOf(node).map(nameOf);
      if (names.join(' ') !== 'meta preface amendmentBody') problems.push('R9: amendment holds meta, preface, amendmentBody in that order');
      const proponents = [...walk([node])].filter((n) => nameOf(n) === 'docProponent');
      if (attribute(node, 'parley:proponent') !== undefined && proponents.length === 0) problems.push('R9: an amendment with a proponent names it in a docProponent');
    }
    if (nameOf(node) === 'note' && (attribute(node, 'eId') === undefined || !child(node, 'p'))) problems.push('R10: a note needs an eId and a p');
  }
  const list = top[0];
  const body = list ? child(list, 'collectionBody') : undefined;
  const components = body ? childrenOf(body) : [];
  if (components.length === 0 || components.some((c) => nameOf(c) !== 'component' || childrenOf(c).length !== 1)) problems.push('R2: the collectionBody holds components of one document each');
  const firstDoc = components[0] ? childrenOf(components[0])[0] : undefined;
  if (!firstDoc || nameOf(firstDoc) !== 'doc' || attribute(firstDoc, 'name') !== 'text' || !child(firstDoc, 'mainBody')) problems.push('R2: the first component is the text: doc name="text" with a mainBody');
  return problems;
}
