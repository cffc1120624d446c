/** The wire schemas of notes verbales accept what src/core makes, and what they accept is what core takes. */
import { describe, expect, it } from 'vitest';
import { CICA_REGISTRY_FORMAT, SEED_NOTE_FIELDS, type NoteContent, type NoteRegistryConfig } from '../core/index.ts';
import { NoteContentSchema, NoteRegistryConfigSchema, type NoteContentBody } from './notes-verbales.ts';

// Compile-time: a parsed body is a core NoteContent.
const asCore = (body: NoteContentBody): NoteContent => body;

describe('notes verbales on the wire', () => {
  it("parses the seed note's content and the CICA registry, and refuses what core could not take", () => {
    const content: NoteContent = {
      fileIndex: '17-1',
      date: SEED_NOTE_FIELDS.date,
      subject: { en: 'Draft Catalogue' },
      addressees: { kind: 'states', states: ['KAZ'] },
      addressee: SEED_NOTE_FIELDS.addressee,
      addresseeBlock: SEED_NOTE_FIELDS.addresseeBlock,
      purpose: SEED_NOTE_FIELDS.purpose,
      enclosures: SEED_NOTE_FIELDS.enclosures,
    };
    expect(asCore(NoteContentSchema.parse(content))).toEqual(content);
    const config: NoteRegistryConfig = { format: CICA_REGISTRY_FORMAT, last: { '2021': 297 }, languages: ['en', 'ru', 'kk'], sender: SEED_NOTE_FIELDS.sender, senderShort: SEED_NOTE_FIELDS.senderShort, place: SEED_NOTE_FIELDS.place };
    expect(NoteRegistryConfigSchema.parse(config)).toEqual(config);
    expect(NoteContentSchema.safeParse({ ...content, enclosures: [{ pages: 0 }] }).success).toBe(false);
    expect(NoteContentSchema.safeParse({ ...content, addressees: { kind: 'states', states: [] } }).success).toBe(false);
    expect(NoteContentSchema.safeParse({ ...content, date: '28.05.2021' }).success).toBe(false);
  });
});
