/**
 * `parley export` (a view of a draft file as Word or PDF, or the draft as Akoma Ntoso) and `parley import FILE.docx` (a Word
 * file in a bracket notation, or with `--tracked` several delegations' tracked-change files
 * merged, `--author "Name=CODE"` saying whose changes are whose).
 */
import { parseArgs } from 'node:util';
import { CICA_ALIASES, createDelegationRegistry, importDraft, parseViewSpec, summarize } from '../core/index.ts';
import { exportView } from '../core/export/export-view.ts';
import { compileTrackedChanges, trackedAuthors } from '../core/word/tracked-changes.ts';
import { locate, wordDraftText } from '../core/word/word-draft-text.ts';
import type { RichDocument } from '../core/export/rich-document.ts';
import { DEFAULT_CONFIG } from '../server/config.ts';
import { CliError, readDraft, type CliIo } from './io.ts';

const USAGE_EXPORT = 'Usage: parley export FILE --format docx|pdf|akn [--view compiled|agreed|as:ISO3] [--notation cica|un] [--chromium PATH] --out OUT   (FILE: a draft as text; PDF is printed by Chromium, PARLEY_CHROMIUM or /usr/bin/chromium)';
const USAGE_DOCX = 'Usage: parley import FILE.docx [--json]   |   parley import --tracked A.docx B.docx … --author "Name=CODE" …';

function parse(args: readonly string[], usage: string, options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, options });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`, 2);
  }
}

async function bytesOf(io: CliIo, path: string): Promise<Uint8Array> {
  if (!io.readBytes) throw new CliError(`Cannot read ${path} as a Word file here.`, 1);
  try {
    return await io.readBytes(path);
  } catch {
    throw new CliError(`Cannot read ${path}: no such file, or it cannot be read.`, 1);
  }
}

async function wordOf(io: CliIo, path: string) {
  const { readDocx, DocxReadError } = await import('../server/import/docx-read.ts');
  try {
    return readDocx(await bytesOf(io, path));
  } catch (error) {
    if (error instanceof DocxReadError) throw new CliError(`${path}: ${error.message}`, 1);
    throw error;
  }
}

export async function exportCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(args, USAGE_EXPORT, { format: { type: 'string' }, view: { type: 'string' }, notation: { type: 'string' }, out: { type: 'string' }, chromium: { type: 'string' } });
  if (positionals.length !== 1) throw new CliError(`Give exactly one draft file.\n${USAGE_EXPORT}`, 2);
  const format = values.format;
  if (format !== 'docx' && format !== 'pdf' && format !== 'akn') throw new CliError(`Choose --format docx, pdf or akn.\n${USAGE_EXPORT}`, 2);
  const view = (values.view as string | undefined) ?? 'compiled';
  if (parseViewSpec(view) === null) throw new CliError(`Unknown view "${view}"; use compiled, agreed or as:ISO3.\n${USAGE_EXPORT}`, 2);
  const out = values.out as string | undefined;
  if (out === undefined || !io.writeFile) throw new CliError(`Say where to write the file with --out.\n${USAGE_EXPORT}`, 2);
  const { state } = importDraft(await readDraft(io, positionals[0]!), { aliases: CICA_ALIASES });
  const registry = createDelegationRegistry({ aliases: CICA_ALIASES });
  const date = new Date().toISOString().slice(0, 10);
  if (format === 'akn') {
    const { writeAkn } = await import('../server/akn/akn-write.ts');
    await io.writeFile(out, writeAkn(state, { organisation: { id: 'parley', name: 'Parley' }, date, registry }));
  } else {
    const notation = values.notation as string | undefined;
    const rich = exportView(state, { view, registry, ...(notation ? { notation } : {}), title: { organisation: '', document: state.title, revision: `Version ${state.version}`, date } });
    if (format === 'pdf') {
      const chromiumPath = (values.chromium as string | undefined) ?? (process.env.PARLEY_CHROMIUM || DEFAULT_CONFIG.chromiumPath);
      await io.writeFile(out, new Uint8Array(await printPdf(rich, chromiumPath)));
    } else {
      const { writeDocx } = await import('../server/export/docx-writer.ts');
      await io.writeFile(out, new Uint8Array(await writeDocx(rich)));
    }
  }
  io.out(`Wrote ${out}.\n`);
  return 0;
}

/** The view printed by Chromium as the server prints it; the browser is closed again so the command can end. */
async function printPdf(rich: RichDocument, chromiumPath: string): Promise<Buffer> {
  const { writeHtml, PDF_FOOTER } = await import('../server/export/html-writer.tsx');
  const { closePrinter, printHtmlToPdf, PdfUnavailable } = await import('../server/pdf/print-html.ts');
  try {
    return await printHtmlToPdf(writeHtml(rich), { chromiumPath, footerTemplate: PDF_FOOTER });
  } catch (error) {
    if (error instanceof PdfUnavailable) throw new CliError(`Cannot print PDF: ${error.message} (apt-get install -y chromium, or give its path with --chromium or PARLEY_CHROMIUM).`, 1);
    throw error;
  } finally {
    await closePrinter();
  }
}

/** `parley import` of Word files: called by the import command when a file ends in .docx. */
export async function importWordCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(args, USAGE_DOCX, { json: { type: 'boolean' }, tracked: { type: 'boolean' }, author: { type: 'string', multiple: true }, notation: { type: 'string' }, 'no-aliases': { type: 'boolean' } });
  if (positionals.length === 0) throw new CliError(`Give a Word file.\n${USAGE_DOCX}`, 2);
  const aliases = values['no-aliases'] ? {} : CICA_ALIASES;
  if (values.tracked) {
    const files = await Promise.all(positionals.map(async (path) => ({ name: path, document: await wordOf(io, path) })));
    const authors: Record<string, string> = {};
    for (const pair of (values.author as string[] | undefined) ?? []) {
      const at = pair.lastIndexOf('=');
      if (at <= 0) throw new CliError(`--author takes "Name=CODE", not "${pair}".\n${USAGE_DOCX}`, 2);
      authors[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const missing = trackedAuthors(files).filter((author) => authors[author] === undefined);
    if (missing.length > 0) throw new CliError(`Say which delegation each author speaks for: ${missing.map((a) => `--author "${a}=CODE"`).join(' ')}`, 2);
    const result = compileTrackedChanges(files, { authors, aliases });
    const summary = summarize(result.state);
    io.out(`Merged ${files.length} files: ${summary.provisions} provisions, ${summary.proposals} open proposals, ${summary.optionSets} option sets.\n`);
    for (const w of result.warnings) io.out(`  ${w.file ?? ''}${w.paragraph !== null ? `, paragraph ${w.paragraph}` : ''}: ${w.code}: ${w.message}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`Give one Word file, or --tracked with several.\n${USAGE_DOCX}`, 2);
  const text = wordDraftText(await wordOf(io, positionals[0]!));
  const notation = values.notation as string | undefined;
  const result = importDraft(text.text, { aliases, ...(notation ? { notation } : {}) });
  const summary = summarize(result.state, result.warnings);
  if (values.json) {
    io.out(JSON.stringify({ ...summary, warnings: result.warnings.map((w) => ({ ...w, word: locate(text, w.line) })) }) + '\n');
    return 0;
  }
  io.out(`Imported a ${result.notation.toUpperCase()} Word draft: ${summary.provisions} provisions, ${summary.proposals} open proposals, ${summary.optionSets} option sets, ${summary.statements} statements.\n`);
  for (const w of result.warnings) {
    const at = locate(text, w.line);
    io.out(`  paragraph ${at.paragraph}${at.footnote !== undefined ? `, footnote ${at.footnote}` : ''}: ${w.code}: ${w.message}\n`);
  }
  return 0;
}
