/**
 * Akoma Ntoso's XML through fast-xml-parser, in its order-keeping form: an element is
 * `{ name: [children], ':@': { attributes } }`, text is `{ '#text': words }`. Writing and
 * reading share these helpers so the two stay one dialect (never string concatenation).
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** Parley's own attributes and elements, where Akoma Ntoso has no place for a negotiation's data. */
export const PARLEY_NAMESPACE = 'urn:parley:akn:1';

export type XmlNode = Record<string, unknown>;
type Attributes = Record<string, string | number | boolean | undefined | null>;

export function element(name: string, attributes: Attributes = {}, children: readonly (XmlNode | string)[] = []): XmlNode {
  const node: XmlNode = { [name]: children.map((child) => (typeof child === 'string' ? { '#text': child } : child)) };
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined && value !== null) present[key] = String(value);
  if (Object.keys(present).length > 0) node[':@'] = present;
  return node;
}

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', format: true, suppressEmptyNode: true });
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true });

export function buildXml(root: XmlNode): string {
  return builder.build([element('?xml', { version: '1.0', encoding: 'UTF-8' }, ['']), root]);
}

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

export function nameOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]).filter((child) => nameOf(child) !== '#text') : [];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  return (node[':@'] as Record<string, string> | undefined)?.[name];
}

/** The words of an element: its text and its descendants' text, in order. */
export function textOf(node: XmlNode): string {
  const value = node[nameOf(node)];
  if (!Array.isArray(value)) return typeof value === 'string' ? value : '';
  return (value as XmlNode[]).map((child) => (nameOf(child) === '#text' ? String(child['#text']) : textOf(child))).join('');
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((c) => nameOf(c) === name);
}

export function all(node: XmlNode, name: string): XmlNode[] {
  return childrenOf(node).filter((c) => nameOf(c) === name);
}

/** Every element in the tree, depth first. */
export function* walk(nodes: readonly XmlNode[]): Generator<XmlNode> {
  for (const node of nodes) {
    if (nameOf(node) === '#text' || nameOf(node) === '?xml') continue;
    yield node;
    yield* walk(childrenOf(node));
  }
}
