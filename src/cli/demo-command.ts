/** `parley demo`: the CICA seed draft imported, summarised and printed as compiled text. */
import { CICA_ALIASES, importDraft, renderText, summarize } from '../core/index.ts';
import { seedDraftPath } from './seed-path.ts';
import { readDraft, type CliIo } from './io.ts';

export async function demoCommand(io: CliIo): Promise<number> {
  const text = await readDraft(io, seedDraftPath());
  const { state, warnings } = importDraft(text, { aliases: CICA_ALIASES, title: 'Draft updated CICA Catalogue of CBMs (28 May 2021)' });
  const summary = summarize(state, warnings);
  io.out(`${state.title}\n`);
  io.out(`${summary.provisions} provisions, ${summary.proposals} open proposals, ${summary.optionSets} option sets, ${summary.footnotes} footnotes, ${summary.warnings.length} warnings\n\n`);
  io.out(renderText(state, { view: 'compiled' }));
  return 0;
}
