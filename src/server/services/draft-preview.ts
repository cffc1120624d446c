/**
 * A dry run of importing a draft: the same reading as an import, nothing saved. It returns
 * what the secretariat needs to decide whether to save: the counts, and each warning with
 * the text of its source line, so the line can be found and fixed before the document exists.
 */
import type { z } from 'zod';
import { summarize, type Actor, type ImportWarning } from '../../core/index.ts';
import type { DraftPreview } from '../../protocol/schemas.ts';
import type { Context } from '../context.ts';
import { readDraft } from './documents.ts';

type Preview = z.infer<typeof DraftPreview>;

/** Long lines are cut around the column so that thousands of warnings on a huge line stay small. */
export const EXCERPT_MAX = 240;

export async function previewDraft(
  context: Pick<Context, 'database' | 'now'>,
  input: { readonly organisationId: string; readonly text: string; readonly title?: string | null; readonly notation?: 'cica' | 'un' | null; readonly actor: Actor },
): Promise<Preview> {
  // The id is never stored; it only has to be the same for every event of the dry run.
  const result = await readDraft(context, { ...input, documentId: 'preview' });
  const summary = summarize(result.state);
  const lines = new SourceLines(input.text);
  return {
    title: result.state.title,
    notation: result.notation as Preview['notation'],
    counts: {
      provisions: summary.provisions,
      proposals: summary.proposals,
      optionSets: summary.optionSets,
      footnotes: summary.footnotes,
      statements: summary.statements,
      delegations: Object.keys(summary.positions),
    },
    warnings: result.warnings.map((warning) => ({ ...pick(warning), source: excerpt(lines.line(warning.line), warning.column) })),
  };
}

function pick({ code, line, column, message }: ImportWarning): ImportWarning {
  return { code, line, column, message };
}

/** The lines of a text as the importers number them: split at \n, 1-based, without a trailing \r. */
class SourceLines {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  line(number: number): string {
    const start = this.starts[number - 1];
    if (start === undefined) return '';
    const next = this.starts[number];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/u, '');
  }
}

/** At most {@link EXCERPT_MAX} characters of `line` around `column`, with … where it was cut. */
export function excerpt(line: string, column: number): { text: string; column: number } {
  if (line.length <= EXCERPT_MAX) return { text: line, column };
  const half = Math.floor(EXCERPT_MAX / 2);
  let start = Math.max(0, Math.min(column - 1 - half, line.length - EXCERPT_MAX));
  let end = start + EXCERPT_MAX;
  // Never cut a character outside the Basic Multilingual Plane in half.
  if (isLowSurrogate(line.charCodeAt(start))) start += 1;
  if (isLowSurrogate(line.charCodeAt(end))) end -= 1;
  const head = start > 0 ? '…' : '';
  return { text: `${head}${line.slice(start, end)}${end < line.length ? '…' : ''}`, column: column - start + head.length };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
