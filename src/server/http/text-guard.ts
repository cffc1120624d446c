/**
 * Text the database cannot store: PostgreSQL refuses the NUL character in text and jsonb,
 * and a lone UTF-16 surrogate (which JSON can carry as "\ud800") in jsonb. Found before
 * validation, anywhere in a request's path, query or body, it is a 400 naming where — not
 * a database error half-way through a command.
 */

/** NUL, or a surrogate not paired (in a /u expression a paired one reads as the character it makes, so only a lone one is \p{Cs}). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for.
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** The path (`body.items.3.text`) of the first string the database could not store, or null. */
export function unstorableTextAt(value: unknown, root: string): string | null {
  // Iterative: a hostile body may nest deeper than the call stack goes.
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return path;
    } else if (Array.isArray(item)) {
      item.forEach((child, index) => pending.push([child, `${path}.${index}`]));
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (UNSTORABLE.test(key)) return `${path} (a property name)`;
        pending.push([child, `${path}.${key}`]);
      }
    }
  }
  return null;
}
