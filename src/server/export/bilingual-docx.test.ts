/**
 * The bilingual Word file read back as Word XML: one table, a column per language, a row per
 * provision and per open proposal, each version in its column and the status of one that is
 * not done written in that column's language.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SECRETARIAT, T0, consensus, created, insert, propose, provision } from '../../../test/support/events.ts';
import { alignedVersions, fold, type ParleyEvent } from '../../core/index.ts';
import { writeBilingualDocx } from './bilingual-docx.ts';

const TITLE = { organisation: 'CICA', document: 'Catalogue', revision: 'Rev.1', date: '2021-06-02', view: 'Language versions: en / ru' };

async function documentXml(events: readonly ParleyEvent[], languages: readonly string[]): Promise<string> {
  const bytes = await writeBilingualDocx({ aligned: alignedVersions(fold(events)), languages, title: TITLE });
  return new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['word/document.xml']);
}

const cellsOf = (row: string): string[] => row.split('<w:tc>').slice(1);

describe('the bilingual Word file', () => {
  it('puts each version in its column, and says in Russian that the Russian one is outdated', async () => {
    const events: ParleyEvent[] = [
      created(),
      provision('v1', '2.2.1', 'Exchange of information.'),
      provision('v2', '2.2.2', 'Joint exercises.', 'v1'),
      { type: 'document.languages.set', at: T0, actor: SECRETARIAT, data: { original: 'en', others: ['ru'] } },
      { type: 'translation.recorded', at: T0, actor: SECRETARIAT, data: { target: 'provision', id: 'v1', language: 'ru', text: 'Обмен информацией.', original: 'Exchange of information.' } },
      { type: 'translation.recorded', at: T0, actor: SECRETARIAT, data: { target: 'provision', id: 'v2', language: 'ru', text: 'Совместные учения.', original: 'Joint exercises.' } },
      propose('ISR', insert('p1', 'v2', 0, 'Annual ', 'ISR')),
      consensus('p1', 'accept'),
      propose('IND', insert('p2', 'v1', 0, 'Regular ', 'IND')),
    ];
    const xml = await documentXml(events, ['en', 'ru']);
    expect(xml.match(/<w:tbl>/gu)).toHaveLength(1);
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows.map((row) => cellsOf(row).length)).toEqual([2, 2, 2, 2]);
    expect(cellsOf(rows[0]!)[0]).toContain('English');
    expect(cellsOf(rows[0]!)[1]).toContain('Русский');
    const [en1, ru1] = cellsOf(rows[1]!);
    expect(en1).toContain('Exchange of information.');
    expect(ru1).toContain('Обмен информацией.');
    // IND's open proposal on 2.2.1: its English words, its Russian version pending.
    expect(cellsOf(rows[2]!)[0]).toContain('Regular');
    expect(cellsOf(rows[2]!)[1]).toContain('Перевод ожидается');
    // 2.2.2 changed after it was translated: the old Russian text stays, marked outdated.
    const [en2, ru2] = cellsOf(rows[3]!);
    expect(en2).toContain('Annual Joint exercises.');
    expect(ru2).toContain('Совместные учения.');
    expect(ru2).toContain('Перевод устарел');
  });
});
