/** The CICA notation: `[text] (+ISR)`, `(-IND)`, `OR`, `~~chair's deletion~~`, footnotes. */
import { joinSections, type Notation } from '../notation.ts';
import { renderCleanSections } from '../../views/clean-text.ts';
import { resolve } from '../../views/resolution.ts';
import { readCica } from './read.ts';
import { renderCicaSections } from './render.ts';

export const cicaNotation: Notation = {
  id: 'cica',
  detect(text) {
    const signed = text.match(/\]\s*\([+-][A-Za-z]{2,12}[^)]{0,80}\)/gu)?.length ?? 0;
    const loose = text.match(/\([+-][A-Z][A-Za-z]{1,11}\)/gu)?.length ?? 0;
    return signed * 2 + loose;
  },
  read: readCica,
  render(state, view, registry) {
    return joinSections(this.renderSections(state, view, registry));
  },
  renderSections(state, view, registry) {
    return view.kind === 'compiled' ? renderCicaSections(state, registry) : renderCleanSections(state, resolve(state, view));
  },
};
