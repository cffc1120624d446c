// How names in drafts are compared with the names a registry knows. Both sides go through the
// same functions, so a name matches whatever spelling differences these functions erase.

/**
 * `raw` trimmed, inner whitespace collapsed to one space, one trailing '.' and one leading
 * 'the ' (any case) removed: ' the Netherlands. ' → 'Netherlands'.
 */
export function cleanName(raw: string): string {
  let name = raw.trim().replace(/\s+/gu, ' ');
  if (name.endsWith('.')) name = name.slice(0, -1).trimEnd();
  if (/^the ./iu.test(name)) name = name.slice('the '.length);
  return name;
}

/**
 * A cleaned name with case, diacritics and typographic variants erased, for case-insensitive
 * matching: 'Côte d’Ivoire' → "cote d'ivoire", 'TÜRKIYE' → 'turkiye', 'Ё' → 'е'.
 */
export function foldName(cleaned: string): string {
  return cleaned
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/gu, "'")
    .replace(/[‐‑‒–—]/gu, '-');
}

/**
 * Whether a cleaned name has no lower-case letter ('US', 'G77', 'U.S.A', 'США'). Such names, like
 * codes, match only as written: in lower case many of them are ordinary words.
 */
export function isCapitalised(cleaned: string): boolean {
  return !/\p{Ll}/u.test(cleaned);
}
