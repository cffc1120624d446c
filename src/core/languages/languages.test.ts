import { describe, expect, it } from 'vitest';
import { CHAIR, SECRETARIAT, T0, consensus, created, insert, propose, provision, replace } from '../../../test/support/events.ts';
import { checkLaws } from '../../../test/support/laws.ts';
import { fold, tryApplyEvent } from '../events/apply.ts';
import type { ParleyEvent, TranslationRecordedData } from '../events/event.ts';
import { fromTransfer, toTransfer, type StateTransfer } from '../model/state-transfer.ts';
import { alignedVersions } from './aligned-versions.ts';
import { versionsOf } from './translation-status.ts';

const TEXT = 'Taking cooperative measures to combat terrorism.';
const RU = 'Принимая совместные меры по борьбе с терроризмом.';

function languages(original: string, ...others: string[]): ParleyEvent {
  return { type: 'document.languages.set', at: T0, actor: SECRETARIAT, data: { original, others } };
}
function translate(data: Partial<TranslationRecordedData> & Pick<TranslationRecordedData, 'id' | 'text' | 'original'>): ParleyEvent {
  return { type: 'translation.recorded', at: T0, actor: SECRETARIAT, data: { target: 'provision', language: 'ru', ...data } };
}
function adopt(provisionId: string): ParleyEvent {
  return { type: 'provision.agreed', at: T0, actor: CHAIR, data: { provisionId, status: 'adopted' } };
}
const statusOf = (events: readonly ParleyEvent[], target: 'provision' | 'proposal', id: string): string[] =>
  versionsOf(fold(events), target, id).map((v) => `${v.language}:${v.status}`);
function rejectionOf(events: readonly ParleyEvent[], event: ParleyEvent): { code: string; message: string } | null {
  const result = tryApplyEvent(fold(events), event);
  return result.ok ? null : result.rejection;
}

const bilingual: ParleyEvent[] = [created(), provision('v1', '2.2.2', TEXT), languages('en', 'ru')];

describe('a document in English and Russian', () => {
  it('goes pending → done → outdated when an accepted proposal changes the original → done again', () => {
    expect(statusOf(bilingual, 'provision', 'v1')).toEqual(['en:original', 'ru:pending']);
    const translated = [...bilingual, translate({ id: 'v1', text: RU, original: TEXT })];
    expect(statusOf(translated, 'provision', 'v1')).toEqual(['en:original', 'ru:done']);
    const changed = [...translated, propose('ISR', insert('p1', 'v1', 7, 'joint ', 'ISR')), consensus('p1', 'accept')];
    const state = checkLaws(changed);
    expect(state.provisions.get('v1')!.text).toBe('Taking joint cooperative measures to combat terrorism.');
    expect(versionsOf(state, 'provision', 'v1')[1]).toEqual({ language: 'ru', status: 'outdated', text: RU, translatedFrom: TEXT });
    const again = [...changed, translate({ id: 'v1', text: 'Принимая общие совместные меры по борьбе с терроризмом.', original: state.provisions.get('v1')!.text })];
    expect(statusOf(again, 'provision', 'v1')).toEqual(['en:original', 'ru:done']);
  });

  it('refuses adoption while a version is pending or outdated, saying which, and allows it once done', () => {
    expect(rejectionOf(bilingual, adopt('v1'))).toEqual({
      code: 'NOT_TRANSLATED',
      message: 'Provision 2.2.2 cannot be adopted while its Russian version is pending (not translated yet).',
    });
    const outdated = [...bilingual, translate({ id: 'v1', text: RU, original: TEXT }), propose('ISR', insert('p1', 'v1', 7, 'joint ', 'ISR')), consensus('p1', 'accept')];
    expect(rejectionOf(outdated, adopt('v1'))?.message).toBe(
      'Provision 2.2.2 cannot be adopted while its Russian version is outdated (the original changed after it was translated).',
    );
    // Agreement ad referendum is provisional and may come before the translation.
    expect(rejectionOf(outdated, { type: 'provision.agreed', at: T0, actor: CHAIR, data: { provisionId: 'v1', status: 'agreed-ad-ref' } })).toBeNull();
    const done = [...bilingual, translate({ id: 'v1', text: RU, original: TEXT }), adopt('v1')];
    expect(checkLaws(done).provisions.get('v1')!.status).toBe('adopted');
    // A document in one language adopts as before.
    expect(rejectionOf([created(), provision('v1', '2.2.2', TEXT)], adopt('v1'))).toBeNull();
  });

  it('names every unfinished language in a trilingual document', () => {
    const events = [created(), provision('v1', '2.2.2', TEXT), languages('en', 'ru', 'kk'), translate({ id: 'v1', text: RU, original: TEXT })];
    expect(rejectionOf(events, adopt('v1'))?.message).toBe('Provision 2.2.2 cannot be adopted while its Kazakh version is pending (not translated yet).');
  });

  it('keeps the language a proposal was made in, and its versions apart from the provision’s', () => {
    const events = [
      ...bilingual,
      propose('RUS', { ...insert('p1', 'v1', 7, 'совместные ', 'RUS'), language: 'ru' }),
      propose('IND', insert('p2', 'v1', 0, 'Also ', 'IND')),
      propose('KAZ', { ...insert('p3', 'v1', 0, 'сразу ', 'KAZ'), anchor: { provisionId: 'v1', parent: 'p1', start: 0, end: 0 } }),
    ];
    const state = checkLaws(events);
    expect([state.proposals.get('p1')!.language, state.proposals.get('p2')!.language, state.proposals.get('p3')!.language]).toEqual(['ru', 'en', 'ru']);
    expect(statusOf(events, 'proposal', 'p1')).toEqual(['en:pending', 'ru:original']);
    expect(statusOf(events, 'proposal', 'p2')).toEqual(['en:original', 'ru:pending']);
    const view = alignedVersions(state);
    expect(view.languages).toEqual(['en', 'ru']);
    expect(view.provisions[0]!.proposals.map((p) => [p.id, p.language])).toEqual([['p1', 'ru'], ['p2', 'en'], ['p3', 'ru']]);
    expect(view.unfinished).toEqual({ pending: 4, outdated: 0 });
  });

  it('writes the English version of a Russian proposal into the English text, and only once it is done', () => {
    const made = [...bilingual, propose('RUS', { ...replace('p1', 'v1', 7, 18, 'совместные', 'RUS'), language: 'ru' })];
    expect(rejectionOf(made, consensus('p1', 'accept'))?.message).toBe(
      'Proposal p1 was made in Russian; its English version is pending, and that version is what goes into the text. Record it before accepting.',
    );
    const state = checkLaws([...made, translate({ target: 'proposal', id: 'p1', language: 'en', text: 'joint', original: 'совместные' }), consensus('p1', 'accept')]);
    expect(state.provisions.get('v1')!.text).toBe('Taking joint measures to combat terrorism.');
  });

  it('refuses translations that do not fit, each with its reason', () => {
    const cases: [ParleyEvent, string][] = [
      [translate({ id: 'v1', text: RU, original: 'Taking measures.' }), 'STALE_ORIGINAL'],
      [translate({ id: 'v1', text: RU, original: TEXT, language: 'fr' }), 'BAD_LANGUAGE'],
      [translate({ id: 'v1', text: TEXT, original: TEXT, language: 'en' }), 'BAD_LANGUAGE'],
      [translate({ id: 'v9', text: RU, original: TEXT }), 'UNKNOWN_PROVISION'],
      [translate({ id: 'v1', text: '[Принимая]', original: TEXT }), 'BAD_TEXT'],
      [translate({ id: 'v1', text: '  ', original: TEXT }), 'BAD_TEXT'],
      [propose('RUS', { ...insert('p1', 'v1', 0, 'x', 'RUS'), language: 'fr' }), 'BAD_LANGUAGE'],
      [propose('RUS', { id: 'p1', kind: 'new-provision', proponent: 'RUS', provisions: [{ id: 'n1', kind: 'paragraph', label: '2.2.3', text: 'Новый' }], language: 'ru' }), 'BAD_LANGUAGE'],
      [languages('ru', 'en'), 'BAD_LANGUAGE'],
      [languages('en'), 'BAD_LANGUAGE'],
      [languages('en', 'RU1'), 'BAD_LANGUAGE'],
    ];
    expect(cases.map(([event]) => rejectionOf(bilingual, event)?.code)).toEqual(cases.map(([, code]) => code));
    expect(rejectionOf([created(), provision('v1', '2.2.2', TEXT)], translate({ id: 'v1', text: RU, original: TEXT }))?.code).toBe('BAD_LANGUAGE');
    expect(rejectionOf(bilingual, languages('en', 'ru', 'kk'))).toBeNull();
  });

  it('travels as JSON exactly, translations and their order included', () => {
    const state = fold([...bilingual, translate({ id: 'v1', text: RU, original: TEXT }), propose('RUS', { ...insert('p1', 'v1', 0, 'Да ', 'RUS'), language: 'ru' })]);
    const restored = fromTransfer(JSON.parse(JSON.stringify(toTransfer(state))) as StateTransfer);
    expect(restored.languages).toEqual(state.languages);
    expect([...restored.translations]).toEqual([...state.translations]);
    expect(restored.proposals.get('p1')).toEqual(state.proposals.get('p1'));
    expect(alignedVersions(restored)).toEqual(alignedVersions(state));
  });
});
