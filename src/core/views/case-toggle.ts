/**
 * A toggled letter takes the case its sentence needs: capital at the start of a text or
 * after a full stop, colon, question or exclamation mark; small otherwise.
 */
export function caseForContext(letter: string, textBefore: string): string {
  const trimmed = textBefore.replace(/\s+$/u, '');
  return trimmed === '' || /[.:!?]$/u.test(trimmed) ? letter.toUpperCase() : letter.toLowerCase();
}
