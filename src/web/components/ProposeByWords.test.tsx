// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { importDraft } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import type { SelectionAnchor } from '../selection-anchor.ts';
import { ProposeByWords } from './ProposeByWords.tsx';

const DRAFT = [
  '2.2 New challenges and threats',
  '',
  '2.2.2 [Taking] (-ISR) [Consider the adoption of] (+ISR) cooperative measures, in accordance with their national legislation and policies, to combat terrorism and to promote security and stability of each Member State.',
  '',
].join('\n');
const state = importDraft(DRAFT).state;
afterEach(cleanup);

function fill(locale: Locale, paragraph: string, words: string): SelectionAnchor[] {
  const chosen: SelectionAnchor[] = [];
  render(
    <LocaleProvider initial={locale}>
      <ProposeByWords state={state} onAnchor={(anchor) => chosen.push(anchor)} />
    </LocaleProvider>,
  );
  fireEvent.change(document.querySelector('input[name="paragraph"]')!, { target: { value: paragraph } });
  fireEvent.change(document.querySelector('input[name="words"]')!, { target: { value: words } });
  fireEvent.submit(document.querySelector('form')!);
  return chosen;
}

describe('pointing at words from the keyboard', () => {
  it('gives the anchor of the words in the numbered paragraph', () => {
    const [anchor] = fill('en', '2.2.2', 'national legislation');
    expect(anchor?.text).toBe('national legislation');
    expect(state.provisions.get(anchor!.provisionId)?.label).toBe('2.2.2');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what to do when the words occur more than once, with the plural of the language', () => {
    expect(fill('ru', '2.2.2', 'and')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/^Эти слова встречаются в пункте \d+ раза?: добавьте слово до или после них\.$/u);
  });

  it('names a paragraph that does not exist', () => {
    expect(fill('en', '7.7', 'anything')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe('There is no paragraph numbered “7.7”.');
  });
});
