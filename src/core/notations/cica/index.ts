/** The CICA notation: `[text] (+ISR)`, `(-IND)`, `OR`, `~~chair's deletion~~`, footnotes. */
import { countMatches } from '../count-matches.ts';
import { joinSections, type Notation } from '../notation.ts';
import { renderCleanSections } from '../../views/clean-text.ts';
import { resolve } from '../../views/resolution.ts';
import { readCica } from './read.ts';
import { renderCicaSections, renderCicaText } from './render.ts';

const SIGNED = /\]\s*\([+-][A-Za-z]{2,12}[^)]{0,80}\)/gu;
const LOOSE = /\([+-][A-Z][A-Za-z]{1,11}\)/gu;

export const cicaNotation: Notation = {
  id: 'cica',
  detect(text) {
    return countMatches(SIGNED, text) * 2 + countMatches(LOOSE, text);
  },
  read: readCica,
  render(state, view, registry) {
    return view.kind === 'compiled' ? renderCicaText(state, registry) : joinSections(this.renderSections(state, view, registry));
  },
  renderSections(state, view, registry) {
    return view.kind === 'compiled' ? renderCicaSections(state, registry) : renderCleanSections(state, resolve(state, view));
  },
};
