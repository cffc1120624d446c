/**
 * The merge benchmark's input: ten delegations' Word files with tracked changes against one
 * base text of about 50 pages, made by the tests' own builder (test/support/word-files.ts).
 * Each delegation's delegate replaces "shall" by "should" in a tenth of the provisions (its
 * own), deletes the same words as every other delegation in every 25th provision (one
 * proposal, ten proponents), and rewords the same span differently from the other half of
 * the delegations in every 30th (option sets).
 */
import { trackedFile, type Piece } from '../test/support/word-files.ts';

export const DELEGATIONS = ['CHN', 'IND', 'ISR', 'KAZ', 'RUS', 'THA', 'TUR', 'UZB', 'KGZ', 'TJK'] as const;
/** Provisions of about 560 characters: 600 of them fill 50 A4 pages (LibreOffice counts 50 for each file). */
export const PROVISIONS = 600;

const TOPICS = ['military activities', 'disaster management', 'energy security', 'public health', 'transport corridors', 'trafficking in persons'];
const SHARED_DELETION = 'in accordance with national legislation and ';
const REWORDED = 'exchange information on';

const label = (k: number): string => `${1 + Math.floor(k / 60)}.${1 + Math.floor((k % 60) / 12)}.${1 + (k % 12)}`;
const filler = (k: number): string =>
  `taking into account the legitimate security interests of each Member State and the principles of the Charter of the United Nations, the Almaty Act and other documents of the Conference, in order to strengthen confidence, predictability and transparency among them (provision ${k + 1} of ${PROVISIONS}), with a report to the Senior Officials Committee on the progress achieved.`;

/** The parts of provision k: label and subject, the verb, the object, the shared words, the rest. */
function parts(k: number): [string, string, string, string, string] {
  return [`${label(k)} The Member States `, 'shall', ` ${REWORDED} ${TOPICS[k % TOPICS.length]} `, SHARED_DELETION, `international law, ${filler(k)}`];
}

export const BASE_TEXT: readonly string[] = Array.from({ length: PROVISIONS }, (_, k) => parts(k).join(''));

export const authorOf = (code: string): string => `Delegate of ${code}`;

/** Delegation d's edits of provision k, or null when it leaves k alone. */
function edit(k: number, d: number): Piece[] | null {
  const by = authorOf(DELEGATIONS[d]!);
  const [head, verb, object, shared, rest] = parts(k);
  const own = k % DELEGATIONS.length === d;
  const together = k % 25 === 0;
  const reworded = k % 30 === 15;
  if (!own && !together && !reworded) return null;
  const pieces: Piece[] = [head];
  if (own) pieces.push({ del: verb, by }, { ins: 'should', by });
  else pieces.push(verb);
  if (reworded) {
    const topic = object.slice(REWORDED.length + 1);
    pieces.push(' ', { del: REWORDED, by }, { ins: d % 2 === 0 ? 'consider sharing data on' : 'share their views on', by }, topic);
  } else pieces.push(object);
  pieces.push(together ? { del: shared, by } : shared, rest);
  return pieces;
}

/** The ten files, each named after its delegation. */
export async function trackedMergeFiles(): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    DELEGATIONS.map(async (code, d) => {
      const edits: Record<number, Piece[]> = {};
      for (let k = 0; k < PROVISIONS; k++) {
        const pieces = edit(k, d);
        if (pieces) edits[k] = pieces;
      }
      return { name: `${code.toLowerCase()}.docx`, bytes: await trackedFile(edits, [], BASE_TEXT) };
    }),
  );
}
