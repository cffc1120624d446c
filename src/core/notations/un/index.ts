/** The UN notation: `[extreme - US; G77 delete]`, `/` alternatives, `Option 1:` blocks, `[Agreed ad ref]`. */
import { countMatches } from '../count-matches.ts';
import { joinSections, type Notation } from '../notation.ts';
import { renderCleanSections } from '../../views/clean-text.ts';
import { resolve } from '../../views/resolution.ts';
import { readUn } from './read.ts';
import { renderUnSections } from './render.ts';

/**
 * Signs of the UN conventions and their weights. `needs` names text without which the
 * pattern cannot match: most drafts lack it, and a test for a word or a character costs a
 * fraction of running the pattern over a long draft — the score is the same either way.
 */
const SIGNS: readonly { readonly pattern: RegExp; readonly weight: number; readonly needs?: (text: string) => boolean }[] = [
  // `… - US; G77 delete]`, `… -G77]`: names (and verbs) after a dash, closing the bracket.
  { pattern: /\s[-–—][ \t]?[A-Z][\w'’().-]*(?:(?:[ \t]*[,;][ \t]*|[ \t]+)[A-Za-z][\w'’().-]*){0,15}\.?\]/gu, weight: 3 },
  // `(EU, CANZ, US: delete)` after a bracket.
  { pattern: /\]\s*\([^()[\]]{1,120}:\s*(?:delete|retain|reserve|add|propose)\w*\s*\)/giu, weight: 3, needs: (text) => text.includes(':') },
  // `[A - EU retain / B - US]`
  { pattern: /\b(?:delete|retain)\.?\s+\/\s+/gu, weight: 2, needs: (text) => text.includes('/') && (text.includes('delete') || text.includes('retain')) },
  // `[text (US: delete)]`: names with a verb in parentheses closing the words.
  { pattern: /\s\([A-Z][\w .,;'’-]{0,60}:[ \t]*(?:delete|retain|reserve|add)\w*\)\]/gu, weight: 2, needs: (text) => text.includes(')]') },
  {
    pattern: /^[ \t]*(?:(?:PP|OP)\.?[ \t]?\d+\w*[ \t]+)?(?:Option|Alt\.?)[ \t]+\w{1,3}[ \t]*(?:\([^)]*\))?(?:[ \t]*[:.]|[ \t]+[–—-][ \t])/gmu,
    weight: 2,
    // "Option" or "Alt" (or "Alt.") followed by a space or tab: "Alternative" is no sign.
    needs: (text) => text.includes('Option ') || text.includes('Option\t') || text.includes('Alt ') || text.includes('Alt\t') || text.includes('Alt.'),
  },
  { pattern: /\{[ \t]*(?:Placeholder|No text)[^}]*\}/giu, weight: 2, needs: (text) => text.includes('{') },
  { pattern: /[[(][ \t]*(?:Agreed(?:[ \t]+ad[ \t]+ref\w*)?|Ad[ \t]+ref\w*)[ \t.]*[,)\]]/giu, weight: 2 },
  { pattern: /^[ \t]*\[*[ \t]*(?:PP|OP)\.?[ \t]?\d+/gmu, weight: 1, needs: (text) => text.includes('PP') || text.includes('OP') },
];

export const unNotation: Notation = {
  id: 'un',
  detect(text) {
    let score = 0;
    for (const { pattern, weight, needs } of SIGNS) {
      if (needs === undefined || needs(text)) score += countMatches(pattern, text) * weight;
    }
    return score;
  },
  read: readUn,
  render(state, view, registry) {
    return joinSections(this.renderSections(state, view, registry));
  },
  renderSections(state, view, registry) {
    return view.kind === 'compiled' ? renderUnSections(state, registry) : renderCleanSections(state, resolve(state, view));
  },
};
