/** `parley import` and `parley render`: the engine on a draft file. */
import { parseArgs } from 'node:util';
import { CICA_ALIASES, createDelegationRegistry, importDraft, notationIds, parseViewSpec, renderText, summarize } from '../core/index.ts';
import { CliError, readDraft, type CliIo } from './io.ts';

const USAGE_IMPORT = 'Usage: parley import FILE [--json] [--notation cica|un] [--no-aliases]   (the notation is detected unless given)';
const USAGE_RENDER =
  'Usage: parley render FILE [--view compiled|agreed|as:ISO3] [--notation cica|un] [--from cica|un] [--no-aliases]   (--notation: output; --from: input, detected unless given)';

type Values = Record<string, string | boolean | undefined>;

function parse(args: readonly string[], usage: string, extra: Record<string, { type: 'string' | 'boolean' }>): { values: Values; positionals: string[] } {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { notation: { type: 'string' }, 'no-aliases': { type: 'boolean' }, ...extra },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`, 2);
  }
}

function checkNotation(notation: string | undefined, usage: string): void {
  if (notation !== undefined && !notationIds().includes(notation)) {
    throw new CliError(`Unknown notation "${notation}"; choose one of ${notationIds().join(', ')}.\n${usage}`, 2);
  }
}

async function load(io: CliIo, args: readonly string[], usage: string, extra: Record<string, { type: 'string' | 'boolean' }>, inputOption: 'notation' | 'from') {
  const { values, positionals } = parse(args, usage, extra);
  if (positionals.length !== 1) throw new CliError(`Give exactly one draft file.\n${usage}`, 2);
  checkNotation(values.notation as string | undefined, usage);
  checkNotation(values.from as string | undefined, usage);
  const notation = values[inputOption] as string | undefined;
  const text = await readDraft(io, positionals[0]!);
  const result = importDraft(text, {
    ...(notation !== undefined ? { notation } : {}),
    ...(values['no-aliases'] ? {} : { aliases: CICA_ALIASES }),
  });
  return { result, values };
}

export async function importCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { result, values } = await load(io, args, USAGE_IMPORT, { json: { type: 'boolean' } }, 'notation');
  const summary = summarize(result.state, result.warnings);
  if (values.json) {
    io.out(JSON.stringify(summary) + '\n');
    return 0;
  }
  io.out(
    `Imported a ${result.notation.toUpperCase()} draft: ${summary.provisions} provisions, ${summary.proposals} open proposals, ` +
      `${summary.optionSets} option sets, ${summary.statements} statements (${summary.footnotes} footnotes).\n`,
  );
  for (const [code, p] of Object.entries(summary.positions)) io.out(`  ${code.padEnd(6)} for ${p.for}, against ${p.against}, reserve ${p.reserve}\n`);
  for (const w of summary.warnings) io.out(`  line ${w.line}, column ${w.column}: ${w.code}: ${w.message}\n`);
  return 0;
}

export async function renderCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { result, values } = await load(io, args, USAGE_RENDER, { view: { type: 'string' }, from: { type: 'string' } }, 'from');
  const viewText = (values.view as string | undefined) ?? 'compiled';
  const view = parseViewSpec(viewText);
  if (view === null) throw new CliError(`Unknown view "${viewText}"; use compiled, agreed or as:ISO3 (e.g. as:ISR).\n${USAGE_RENDER}`, 2);
  const notation = values.notation as string | undefined;
  const registry = createDelegationRegistry(values['no-aliases'] ? {} : { aliases: CICA_ALIASES });
  io.out(renderText(result.state, { view, registry, ...(notation !== undefined ? { notation } : {}) }));
  return 0;
}
