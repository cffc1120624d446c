/**
 * Canonical JSON (the JSON Canonicalization Scheme of RFC 8785 for the values events hold):
 * object members sorted by their UTF-16 code units, no whitespace, numbers and strings as
 * ECMAScript's JSON.stringify writes them. The same value always gives the same bytes, so
 * the log's hashes survive a round trip through jsonb (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot canonicalise the number ${value}: JSON has no such value.`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => (item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined || typeof member === 'function') continue;
      members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
    }
    return `{${members.join(',')}}`;
  }
  throw new RangeError(`Cannot canonicalise a value of type ${typeof value}.`);
}
