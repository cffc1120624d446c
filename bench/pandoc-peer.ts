/**
 * The export bench's peer: pandoc (Debian package) making a .docx of the same content Parley
 * exports. The view is written once as pandoc's Markdown — title block, headings, paragraphs,
 * the chair's deletions as ~~strike-through~~, each delegation's words as a span with a
 * character style of its own (pandoc's way to colour words), footnotes as real footnotes —
 * and pandoc's time is one `pandoc -f markdown -t docx` process, start included, as a
 * secretariat would run it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RichDocument, RichRun } from '../src/core/export/rich-document.ts';

const run = promisify(execFile);

/** Every ASCII punctuation mark escaped, so brackets, "1." and "~~" in the text stay text. */
const escape = (text: string): string => text.replace(/[!-/:-@[-`{-~]/gu, '\\$&');

function runMarkdown(run: RichRun): string {
  if (run.lineBreak) return '\\\n';
  if (run.footnote !== undefined) return `[^${run.footnote}]`;
  let text = escape(run.text);
  if (text.trim() === '') return text;
  if (run.strike) text = `~~${text}~~`;
  if (run.delegation) text = `[${text}]{custom-style="Delegation ${run.delegation}"}`;
  return text;
}

const runsMarkdown = (runs: readonly RichRun[]): string => runs.map(runMarkdown).join('');

/** The view as pandoc's Markdown, with the same words, marks and footnotes as Parley's export. */
export function richToMarkdown(rich: RichDocument): string {
  const { title } = rich;
  const blocks = [escape(title.organisation), `# ${escape(title.document)}`, escape(`${title.revision} · ${title.date}`), escape(title.view)];
  for (const paragraph of rich.paragraphs) {
    const text = runsMarkdown(paragraph.runs);
    blocks.push(paragraph.role === 'heading' ? `${'#'.repeat(Math.min(paragraph.level + 1, 6))} ${text}` : text);
  }
  for (const footnote of rich.footnotes) blocks.push(`[^${footnote.id}]: ${runsMarkdown(footnote.runs)}`);
  return blocks.join('\n\n') + '\n';
}

/** pandoc's .docx of a Markdown file (its bytes, read from stdout). */
export async function pandocDocx(markdownFile: string): Promise<Buffer> {
  const { stdout } = await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', '-', markdownFile], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
