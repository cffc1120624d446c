/**
 * Delegations' Word files with tracked changes, made with the docx library by three authors,
 * merged into one compilation: identical changes → one proposal with several proponents,
 * overlapping ones → an option set of each delegation's version of the span.
 */
import { describe, expect, it } from 'vitest';
import { renderText, type DocumentState, type Proposal } from '../../core/index.ts';
import { compileTrackedChanges, trackedAuthors, type TrackedFile } from '../../core/word/tracked-changes.ts';
import { BASE, trackedFile } from '../../../test/support/word-files.ts';
import { readDocx } from './docx-read.ts';

const AUTHORS = { 'Ivan Ivanov': 'RUS', 'Chen Wei': 'CHN', 'Arjun Singh': 'IND' };

async function file(name: string, bytes: Promise<Uint8Array>): Promise<TrackedFile> {
  return { name, document: readDocx(await bytes) };
}

/** Russia: shall → should; deletes "in persons". China: the same shall → should; inserts "international". India: shall take → may consider; deletes "trafficking in persons"; adds 2.2.4. */
async function threeDelegations(): Promise<TrackedFile[]> {
  return Promise.all([
    file('russia.docx', trackedFile({
      1: ['2.2.1 Exchange of information on the measures taken by the Member States in combating trafficking ', { del: 'in persons', by: 'Ivan Ivanov' }, '.'],
      2: ['2.2.2 The Member States ', { del: 'shall', by: 'Ivan Ivanov' }, { ins: 'should', by: 'Ivan Ivanov' }, ' take cooperative measures to combat terrorism.'],
    })),
    file('china.docx', trackedFile({
      2: ['2.2.2 The Member States ', { del: 'shall', by: 'Chen Wei' }, { ins: 'should', by: 'Chen Wei' }, ' take cooperative measures to combat ', { ins: 'international ', by: 'Chen Wei' }, 'terrorism.'],
    })),
    file('india.docx', trackedFile(
      {
        1: ['2.2.1 Exchange of information on the measures taken by the Member States in combating ', { del: 'trafficking in persons', by: 'Arjun Singh' }, '.'],
        2: ['2.2.2 The Member States ', { del: 'shall take', by: 'Arjun Singh' }, { ins: 'may consider', by: 'Arjun Singh' }, ' cooperative measures to combat terrorism.'],
      },
      [{ text: '2.2.4 Sharing best practices in countering terrorism.', by: 'Arjun Singh' }],
    )),
  ]);
}

function openProposals(state: DocumentState): Proposal[] {
  return [...state.proposals.values()].filter((p) => p.status === 'open');
}

function proposers(state: DocumentState, id: string): string[] {
  return [...(state.positions.get(id)?.values() ?? [])].filter((p) => p.stance === 'proposes').map((p) => p.delegation).sort();
}

function provisionOf(state: DocumentState, label: string): string {
  return [...state.provisions.values()].find((p) => p.label === label)!.id;
}

describe('tracked changes of three delegations against one base text', async () => {
  const files = await threeDelegations();
  const { state, warnings } = compileTrackedChanges(files, { authors: AUTHORS, documentId: 'merged', title: 'Compilation' });

  it('finds every author, for the mapping to be asked', () => {
    expect(trackedAuthors(files)).toEqual(['Arjun Singh', 'Chen Wei', 'Ivan Ivanov']);
    expect(warnings).toEqual([]);
  });

  it('keeps the base text as the provisions', () => {
    expect([...state.provisions.values()].filter((p) => p.proposedBy === null).map((p) => `${p.label} ${p.text}`)).toEqual([...BASE]);
  });

  it('makes identical changes one proposal with both delegations as proponents', () => {
    const should = openProposals(state).find((p) => p.text === 'should take')!;
    expect(should).toMatchObject({ kind: 'replace', proponent: 'RUS', anchor: { provisionId: provisionOf(state, '2.2.2') } });
    expect(proposers(state, should.id)).toEqual(['CHN', 'RUS']);
  });

  it('makes overlapping changes alternatives in one option set', () => {
    const should = openProposals(state).find((p) => p.text === 'should take')!;
    const may = openProposals(state).find((p) => p.text === 'may consider')!;
    expect(may).toMatchObject({ kind: 'replace', proponent: 'IND' });
    expect(should.optionSetId).not.toBeNull();
    expect(may.optionSetId).toBe(should.optionSetId);
    expect(state.optionSets.get(should.optionSetId!)!.members).toEqual([{ t: 'proposal', id: should.id }, { t: 'proposal', id: may.id }]);
    // Both cover the same words, the union of what each changed.
    const text = state.provisions.get(provisionOf(state, '2.2.2'))!.text;
    expect(text.slice(should.anchor!.start, should.anchor!.end)).toBe('shall take');
    expect(text.slice(may.anchor!.start, may.anchor!.end)).toBe('shall take');

    const deletions = openProposals(state).filter((p) => p.anchor?.provisionId === provisionOf(state, '2.2.1'));
    expect(deletions.map((p) => [p.kind, p.proponent, p.text])).toEqual([['delete', 'IND', ''], ['replace', 'RUS', 'trafficking ']]);
    expect(deletions[0]!.optionSetId).toBe(deletions[1]!.optionSetId);
  });

  it('keeps a change nobody else touched as it is, and a new paragraph as a proposed provision', () => {
    const international = openProposals(state).find((p) => p.kind === 'insert')!;
    expect(international).toMatchObject({ proponent: 'CHN', text: 'international ', optionSetId: null });
    const added = openProposals(state).find((p) => p.kind === 'new-provision')!;
    expect(added.proponent).toBe('IND');
    expect(state.provisions.get(added.provisionIds[0]!)).toMatchObject({ label: '2.2.4', text: 'Sharing best practices in countering terrorism.' });
    expect(state.order.at(-1)).toBe(added.provisionIds[0]);
    expect(renderText(state)).toContain('[international] (+CHN)');
  });

  it('leaves out the changes of an author no delegation is given for, and says so', () => {
    const partial = compileTrackedChanges(files, { authors: { 'Ivan Ivanov': 'RUS', 'Chen Wei': 'CHN' } });
    expect(openProposals(partial.state).some((p) => p.proponent === 'IND')).toBe(false);
    expect(partial.warnings.filter((w) => w.code === 'UNMAPPED_AUTHOR').map((w) => [w.file, w.paragraph])).toEqual([
      ['india.docx', 2],
      ['india.docx', 3],
      ['india.docx', 5],
    ]);
  });

  it('refuses a file made against another base text', async () => {
    const other = await file('other.docx', trackedFile({ 3: ['2.2.3 Promoting judicial cooperation.'] }));
    const merged = compileTrackedChanges([files[0]!, other], { authors: AUTHORS });
    expect(merged.warnings.map((w) => [w.code, w.file])).toEqual([['DIFFERENT_BASE', 'other.docx']]);
  });
});
