/**
 * The importer fuzzed for a length of time rather than a number of cases (issue 8): random and
 * mutated drafts, seeded from the seed, the UN test drafts and generated drafts, through both
 * notations and auto-detection. Each input must import without throwing, within a second per
 * megabyte (no hang), into a state whose compiled text keeps every character it was given (no
 * input lost) and invents none it was not given. Inputs whose markers come back in a normal
 * form with more characters than written are counted (`rewritten`), not failed.
 *
 * `npm test` runs it for IMPORT_FUZZ_SECONDS (20 by default); the long run is
 * `IMPORT_FUZZ_SECONDS=600 IMPORT_FUZZ_SEED=$RANDOM npx vitest run src/core/import-fuzz-campaign.test.ts`.
 * IMPORT_FUZZ_SEED replays a run; a failure prints the seed, the case number and the input.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { below, prng } from '../../test/support/prng.ts';
import { readSeed } from '../../test/support/seed.ts';
import { generateDraft } from '../../test/support/generated-draft.ts';
import { importDraft } from './import-draft.ts';
import { renderText } from './render-text.ts';
import { CICA_ALIASES } from './delegations/index.ts';

const SECONDS = Number(process.env['IMPORT_FUZZ_SECONDS'] ?? 20);
// A fixed seed by default, so that `npm test` checks the same inputs every time (the cases
// found so far are in import-fuzz.test.ts); long runs take a new one: IMPORT_FUZZ_SEED=$RANDOM.
const SEED = Number(process.env['IMPORT_FUZZ_SEED'] ?? 20261129);

/** The input under test, so that a failure can be replayed from the file; removed after a clean run. */
const FAILED_INPUT = join(tmpdir(), `parley-import-fuzz-${process.pid}.txt`);

const UN_DRAFTS = fileURLToPath(new URL('./notations/un/drafts/', import.meta.url));

/** The corpus mutations start from: real drafts of both notations and generated ones. */
function corpus(): string[] {
  const unDrafts = readdirSync(UN_DRAFTS)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(UN_DRAFTS + name, 'utf8'));
  return [readSeed(), ...unDrafts, generateDraft(4_000), generateDraft(40_000)];
}

/** What breaks a bracket notation: brackets, markers, codes, footnotes, separators, odd characters. */
const TOKENS = [
  '[', ']', '[[', ']]', '(+ISR)', '(-IND)', '(-Rus, to avoid duplication)', '(+CHN, +THA)', '~~', '¹', '²', '*', '\n', '\n\n', 'OR', '\nOR\n',
  '(', ')', '{', '}', '{No text}', 'Option 1:', 'Alt 2.', '(US: delete)', '(G77)', '(Agreed)', '[Agreed ad ref]', 'OP1 ', 'PP2 bis ', '2.5.14 ',
  '\t', '\r\n', '\u00a0', '\u200b', '\ufeff', 'é', 'ә', 'Қ', '\u0301', '\ud83d\ude00', '\ud800', '\u0000', '\u202e', ' ',
];

type Mutation = (text: string, random: () => number) => string;

const MUTATIONS: readonly Mutation[] = [
  // Insert a token somewhere.
  (text, random) => {
    const at = below(random, text.length + 1);
    return text.slice(0, at) + TOKENS[below(random, TOKENS.length)]! + text.slice(at);
  },
  // Delete a span.
  (text, random) => {
    const at = below(random, text.length + 1);
    return text.slice(0, at) + text.slice(at + below(random, 200));
  },
  // Duplicate a span.
  (text, random) => {
    const at = below(random, text.length + 1);
    const span = text.slice(at, at + below(random, 400));
    return text.slice(0, at) + span + span + text.slice(at + span.length);
  },
  // Swap two lines.
  (text, random) => {
    const lines = text.split('\n');
    const a = below(random, lines.length);
    const b = below(random, lines.length);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return lines.join('\n');
  },
  // Cut the draft short.
  (text, random) => text.slice(0, below(random, text.length + 1)),
  // Replace a character by any code unit (lone surrogates and control characters included).
  (text, random) => {
    const at = below(random, text.length);
    return text.slice(0, at) + String.fromCharCode(below(random, 0x10000)) + text.slice(at + 1);
  },
];

/** A random soup of tokens and words, no draft behind it. */
function soup(random: () => number): string {
  const words = ['measures', 'Member States', 'cooperation', 'the', 'of', 'мер', 'шаралар', '2.1.1', 'a)'];
  const parts: string[] = [];
  for (let i = below(random, 120); i > 0; i--) parts.push(random() < 0.5 ? TOKENS[below(random, TOKENS.length)]! : words[below(random, words.length)]!);
  return parts.join(random() < 0.5 ? ' ' : '');
}

function mutate(base: string, random: () => number): string {
  let text = base;
  for (let i = 1 + below(random, 12); i > 0; i--) text = MUTATIONS[below(random, MUTATIONS.length)]!(text, random);
  return text;
}

/**
 * What the rendering lost of the input, and what it added beyond the brackets an unmatched
 * bracket is repaired with (the import warns of it) and the sign a marker written without one,
 * `(Rus)`, is written back with (`+`, or `-` when it repeats an objection). Whitespace aside; the zero-width space
 * counts as whitespace, as a line of them is a blank line to the reader and to the importer.
 */
function difference(input: string, rendered: string): { lost: string; added: string } {
  const counts = new Map<string, number>();
  for (const c of input.replace(/[\s\u200b]+/gu, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
  let added = '';
  for (const c of rendered.replace(/[\s\u200b]+/gu, '')) {
    const left = counts.get(c) ?? 0;
    if (left > 0) counts.set(c, left - 1);
    else if (!'[]+-'.includes(c)) added += c;
  }
  let lost = '';
  for (const [c, n] of counts) lost += c.repeat(n);
  return { lost, added };
}

const NOTATIONS = [undefined, 'cica', 'un'] as const;

describe(`the importer fuzzed for ${SECONDS} s (seed ${SEED})`, () => {
  it('never throws, never hangs, and loses nothing', () => {
    const random = prng(SEED);
    const bases = corpus();
    const deadline = performance.now() + SECONDS * 1000;
    const tally = { cases: 0, bytes: 0, warnings: 0, rewritten: 0, firstRewritten: undefined as string | undefined, byNotation: {} as Record<string, number>, slowestMsPerMb: 0 };
    while (performance.now() < deadline) {
      const kind = below(random, 4);
      const input = kind === 0 ? soup(random) : mutate(bases[below(random, bases.length)]!, random);
      const forced = NOTATIONS[below(random, NOTATIONS.length)];
      const where = `seed ${SEED}, case ${tally.cases + 1}, notation ${forced ?? 'detected'} (whole input in ${FAILED_INPUT}): ${JSON.stringify(input.slice(0, 300))}`;
      writeFileSync(FAILED_INPUT, input);
      const started = performance.now();
      let result: ReturnType<typeof importDraft>;
      try {
        result = importDraft(input, { aliases: CICA_ALIASES, ...(forced === undefined ? {} : { notation: forced }) });
      } catch (error) {
        throw new Error(`import threw (${String(error)}) on ${where}`, { cause: error });
      }
      const elapsed = performance.now() - started;
      const budget = Math.max(1000, (input.length / 1_000_000) * 1000);
      expect(elapsed, `import took ${Math.round(elapsed)} ms (budget ${budget} ms) on ${where}`).toBeLessThan(budget);
      const rendered = renderText(result.state, { view: 'compiled', notation: result.notation });
      const { lost, added } = difference(input, rendered);
      expect(lost, `characters lost on ${where}`).toBe('');
      // Words the reader never had cannot appear; what a marker is written back with (a reason
      // repeated from an earlier marker of the same delegation) is normalisation, counted.
      expect([...added].filter((c) => !input.includes(c)).join(''), `characters invented on ${where}`).toBe('');
      if (added !== '') {
        tally.rewritten += 1;
        tally.firstRewritten ??= JSON.stringify(input.slice(0, 200));
      }
      expect(result.warnings.every((w) => w.line >= 1 && w.column >= 1 && w.message.length > 0), `a warning without a place on ${where}`).toBe(true);
      tally.cases += 1;
      tally.bytes += input.length;
      tally.warnings += result.warnings.length;
      tally.byNotation[result.notation] = (tally.byNotation[result.notation] ?? 0) + 1;
      if (input.length > 10_000) tally.slowestMsPerMb = Math.max(tally.slowestMsPerMb, elapsed / (input.length / 1_000_000));
    }
    // The figure docs/benchmarks.md quotes: how much was tried in the time given.
    console.log(JSON.stringify({ figure: 'import fuzz campaign', seconds: SECONDS, seed: SEED, ...tally, megabytes: +(tally.bytes / 1e6).toFixed(1) }));
    rmSync(FAILED_INPUT, { force: true });
    expect(tally.cases).toBeGreaterThan(SECONDS * 5);
  }, SECONDS * 1000 + 60_000);
});
