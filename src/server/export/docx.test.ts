/**
 * The Word export, opened again as any reader would: the zip unpacked with fflate and
 * document.xml / footnotes.xml parsed with fast-xml-parser (never the writer's own model).
 * Then the way back: the exported file imported again gives the same negotiation.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDraft, snapshot, type DocumentState, type StateSnapshot } from '../../core/index.ts';
import { exportView } from '../../core/export/export-view.ts';
import { delegationColour } from '../../core/views/delegation-colour.ts';
import { wordDraftText } from '../../core/word/word-draft-text.ts';
import { readSeed } from '../../../test/support/seed.ts';
import { BRACKETED_TEXT, bracketedFile } from '../../../test/support/word-files.ts';
import { attribute, childrenOf, nameOf, parseXml, textOf, walk, type XmlNode } from '../akn/akn-xml.ts';
import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { DocxReadError, readDocx } from '../import/docx-read.ts';
import { writeDocx } from './docx-writer.ts';

const TITLE = { organisation: 'CICA', document: 'Catalogue of CICA CBMs', revision: 'Rev.1', date: '2021-05-28' };

function part(bytes: Uint8Array, name: string): XmlNode[] {
  const file = unzipSync(bytes)[name];
  if (!file) throw new Error(`${name} is missing`);
  return parseXml(new TextDecoder().decode(file));
}

const elements = (nodes: XmlNode[], name: string): XmlNode[] => [...walk(nodes)].filter((n) => nameOf(n) === name);
const paragraphText = (p: XmlNode): string => elements([p], 'w:t').map(textOf).join('');

/** What a negotiation is, offsets and the draft's layout aside: who proposes what, where, and the footnotes. */
function negotiation(state: DocumentState): unknown {
  const s: StateSnapshot = snapshot(state);
  return {
    provisions: s.provisions.map((p) => [p.kind, p.label, p.text]),
    proposals: s.proposals.map((p) => [p.kind, p.proponent, p.byChair, p.text, p.anchor?.start, p.anchor?.end]),
    positions: s.positions.map((p) => [p.proposalId, p.delegation, p.stance, p.reason]).sort(),
    statements: s.statements.map((x) => [x.kind, x.by, x.text, x.anchor]),
    optionSets: s.optionSets.map((o) => o.members),
  };
}

describe('the seed exported as Word', async () => {
  const { state } = importDraft(readSeed());
  const docx = new Uint8Array(await writeDocx(exportView(state, { title: TITLE })));
  const body = part(docx, 'word/document.xml');
  const paragraphs = elements(body, 'w:p');

  it('is a Word package with a title block, headings and the provisions’ numbers as written', () => {
    expect(paragraphs.slice(0, 4).map(paragraphText)).toEqual(['CICA', 'Catalogue of CICA CBMs', 'Rev.1 · 2021-05-28', 'Compiled text (CICA notation)']);
    const headings = paragraphs.filter((p) => elements([p], 'w:pStyle').some((s) => /^Heading\d$/u.test(attribute(s, 'w:val') ?? '')));
    expect(headings.map(paragraphText)).toContain('2.2 New challenges and threats dimension');
    expect(paragraphs.some((p) => paragraphText(p).startsWith('2.2.3 Promoting law enforcement cooperation'))).toBe(true);
  });

  it('colours each position marker with its delegation’s colour', () => {
    const runs = elements(body, 'w:r');
    const marker = runs.find((r) => elements([r], 'w:t').some((t) => textOf(t) === '(+ISR)'));
    expect(marker).toBeDefined();
    expect(attribute(elements([marker!], 'w:color')[0]!, 'w:val')).toBe(delegationColour('ISR').slice(1).toUpperCase());
    const bracket = runs.find((r) => elements([r], 'w:t').some((t) => textOf(t) === '[Consider the adoption of]'));
    expect(attribute(elements([bracket!], 'w:color')[0]!, 'w:val')).toBe(delegationColour('ISR').slice(1).toUpperCase());
  });

  it('strikes the chair’s deletions through, without the tildes', () => {
    const struck = elements(body, 'w:r').filter((r) => elements([r], 'w:strike').length > 0);
    expect(struck.map((r) => elements([r], 'w:t').map(textOf).join(''))).toContain('The Member States may take measures to strengthen cooperation in');
    expect(paragraphs.map(paragraphText).join('\n')).not.toContain('~~');
  });

  it('makes the footnotes real Word footnotes, referenced from the text', () => {
    const references = elements(body, 'w:footnoteReference').map((r) => attribute(r, 'w:id'));
    const notes = elements(part(docx, 'word/footnotes.xml'), 'w:footnote').filter((n) => attribute(n, 'w:type') === undefined && Number(attribute(n, 'w:id')) > 0);
    expect(references.length).toBe(state.statements.size);
    expect(new Set(references)).toEqual(new Set(notes.map((n) => attribute(n, 'w:id'))));
    expect(notes.map((n) => elements([n], 'w:t').map(textOf).join(''))).toContain('Former p. 2.2.10 – Chair’s proposal.');
    // A footnote's text is not also a paragraph of the body.
    expect(paragraphs.some((p) => paragraphText(p).includes('Former p. 2.2.10'))).toBe(false);
  });

  it('numbers the pages in the footer', () => {
    const files = unzipSync(docx);
    const footer = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/u.test(name));
    expect(footer).toBeDefined();
    const instructions = elements(part(docx, footer!), 'w:instrText').map(textOf).join(' ');
    expect(instructions).toMatch(/PAGE/u);
  });

  it('comes back as the same negotiation when imported again: every position and footnote', () => {
    const again = importDraft(wordDraftText(readDocx(docx)).text);
    expect(negotiation(again.state)).toEqual(negotiation(state));
  });
});

describe('a Word file written in the bracket notation', () => {
  it('imports to the state the same text imports to, with the same warnings', async () => {
    const word = wordDraftText(readDocx(await bracketedFile()));
    expect(word.text).toBe(BRACKETED_TEXT);
    const fromWord = importDraft(word.text);
    const fromText = importDraft(BRACKETED_TEXT);
    expect(negotiation(fromWord.state)).toEqual(negotiation(fromText.state));
    expect(fromWord.warnings).toEqual(fromText.warnings);
    expect(fromWord.warnings.length).toBeGreaterThan(0);
  });

  it('places each warning in the Word file: the stray bracket is in its third paragraph', async () => {
    const word = wordDraftText(readDocx(await bracketedFile()));
    const stray = importDraft(word.text).warnings.find((w) => w.code === 'UNMATCHED_CLOSE');
    expect(stray).toBeDefined();
    expect(word.lines[stray!.line - 1]).toEqual({ paragraph: 3 });
  });
});

describe('the other views', () => {
  const { state } = importDraft(readSeed());

  it('agreed: no brackets, no markers, no footnotes', () => {
    const rich = exportView(state, { view: 'agreed', title: TITLE });
    const words = rich.paragraphs.flatMap((p) => p.runs.map((r) => r.text)).join('\n');
    expect(words).not.toMatch(/\(\+ISR\)|~~/u);
    expect(rich.footnotes).toEqual([]);
    expect(rich.title.view).toBe('Agreed text');
  });

  it('a comparison: added words underlined, removed ones struck', async () => {
    const { state: before } = importDraft('1. General\n\n1.1 The Member States shall exchange information.\n');
    const { state: after } = importDraft('1. General\n\n1.1 The Member States may exchange information.\n');
    const docx = new Uint8Array(await writeDocx(exportView(after, { compareWith: { state: before, label: 'Rev.1' }, title: TITLE })));
    const runs = elements(part(docx, 'word/document.xml'), 'w:r');
    const look = (word: string): string[] => childrenOf(elements(runs.filter((r) => paragraphText(r) === word), 'w:rPr')[0] ?? { x: [] }).map(nameOf);
    expect(look('shall')).toContain('w:strike');
    expect(look('may')).toContain('w:u');
  });
});

describe('a Word file with Word’s own numbering', () => {
  it('gives each paragraph the number Word shows, as its label', async () => {
    const numbered = (text: string, level: number): Paragraph => new Paragraph({ text, numbering: { reference: 'cbm', level } });
    const document = new Document({
      numbering: {
        config: [{ reference: 'cbm', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }, { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2' }, { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)' }] }],
      },
      sections: [{ children: [numbered('General provisions', 0), numbered('The Member States shall [exchange information] (+ISR).', 1), numbered('voluntarily;', 2), numbered('Measures are recommendatory.', 1), numbered('Military-political dimension', 0), numbered('Exchange of information.', 1)] }],
    });
    const word = wordDraftText(readDocx(new Uint8Array(await Packer.toBuffer(document))));
    expect(word.text.split('\n\n').map((line) => line.trim())).toEqual([
      '1. General provisions',
      '1.1 The Member States shall [exchange information] (+ISR).',
      'a) voluntarily;',
      '1.2 Measures are recommendatory.',
      '2. Military-political dimension',
      '2.1 Exchange of information.',
    ]);
    const { state } = importDraft(word.text);
    expect([...state.provisions.values()].map((p) => p.label)).toContain('1.1');
  });

  it('refuses a file that would unpack beyond the limit, before inflating it', async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x'.repeat(50_000))] }] })));
    expect(() => readDocx(bytes, { maxUnpacked: 10_000 })).toThrow(DocxReadError);
    expect(() => readDocx(bytes, { maxUnpacked: 10_000 })).toThrow(/unpacks to more than/u);
  });
});
