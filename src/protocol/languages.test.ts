import { describe, expect, it } from 'vitest';
import { SECRETARIAT, T0, created, insert, propose, provision } from '../../test/support/events.ts';
import { alignedVersions, fold } from '../core/index.ts';
import { AlignedVersionsView, LanguagesBody, TranslationBody } from './languages.ts';

describe('the language versions on the wire', () => {
  it('describe what core makes: the aligned versions parse unchanged', () => {
    const state = fold([
      created(),
      provision('v1', '1.1', 'Exchange of information.'),
      { type: 'document.languages.set', at: T0, actor: SECRETARIAT, data: { original: 'en', others: ['ru'] } },
      { type: 'translation.recorded', at: T0, actor: SECRETARIAT, data: { target: 'provision', id: 'v1', language: 'ru', text: 'Обмен информацией.', original: 'Exchange of information.' } },
      propose('RUS', { ...insert('p1', 'v1', 0, 'Регулярный ', 'RUS'), language: 'ru' }),
    ]);
    const view = alignedVersions(state);
    expect(AlignedVersionsView.parse(view)).toEqual(view);
  });

  it('refuses language codes that are not ISO 639 letters', () => {
    expect(LanguagesBody.safeParse({ original: 'EN' }).success).toBe(false);
    expect(LanguagesBody.safeParse({ original: 'en', others: ['ru', 'kk'] }).success).toBe(true);
    expect(LanguagesBody.safeParse(null).success).toBe(true);
    expect(TranslationBody.safeParse({ text: 'x' }).success).toBe(false);
  });
});
