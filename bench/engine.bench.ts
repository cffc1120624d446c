/**
 * Engine benchmarks (issue 2): `npm run bench`. One JSON line per figure, each with the
 * floor measured in the same run. Medians on this machine; targets from the issue.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CICA_ALIASES, createDelegationRegistry, importDraft, renderText, applyEvent, fold } from '../src/core/index.ts';
import type { ParleyEvent } from '../src/core/index.ts';
import { report, time } from './measure.ts';
import { generateDraft } from '../test/support/generated-draft.ts';

const seed = readFileSync(join(repositoryRoot(), 'fixtures/cica-draft-2021-05-28.txt'), 'utf8');
const registry = createDelegationRegistry({ aliases: CICA_ALIASES });
/** The floor for reading a draft: one regex pass finding every bracket and marker. */
const regexPass = (text: string): number => text.match(/[[\]]|\([+-]?[A-Za-z]{2,12}[^()]{0,80}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu)?.length ?? 0;

report({ figure: 'import seed (25 KB)', median_ms: time(() => importDraft(seed, { registry }), { runs: 301, warmup: 50 }), floor_regex_pass_ms: time(() => regexPass(seed), { runs: 301, warmup: 50 }), target_ms: 2 });

const oneMegabyte = generateDraft(1_000_000);
const oneMegabyteState = importDraft(oneMegabyte, { registry }).state;
report({
  figure: 'import generated 1 MB draft',
  bytes: oneMegabyte.length,
  proposals: oneMegabyteState.proposals.size,
  seed_proposals_per_kb: Math.round((importDraft(seed, { registry }).state.proposals.size / seed.length) * 10_000) / 10,
  draft_proposals_per_kb: Math.round((oneMegabyteState.proposals.size / oneMegabyte.length) * 10_000) / 10,
  median_ms: time(() => importDraft(oneMegabyte, { registry }), { runs: 11, warmup: 3 }),
  floor_regex_pass_ms: time(() => regexPass(oneMegabyte), { runs: 11, warmup: 3 }),
  target_ms: 50,
});

const large = fold(negotiationEvents(2_000, 5));
const proposals = [...large.proposals.values()].filter((p) => p.status === 'open').length;
report({
  figure: 'render compiled view, 10,000 proposals',
  proposals,
  median_ms: time(() => renderText(large, { view: 'compiled', registry }), { runs: 21, warmup: 5 }),
  floor_join_texts_ms: time(() => [...large.provisions.values()].map((p) => p.text).join('\n\n'), { runs: 21, warmup: 5 }),
  target_ms: 20,
});

let n = 0;
const ids = [...large.proposals.keys()];
const delegations = ['IND', 'CHN', 'RUS', 'THA', 'TUR', 'KAZ'];
const nextEvent = (): ParleyEvent => {
  n++;
  return n % 2 === 0
    ? { type: 'position.taken', at: '2021-06-02T08:00:00Z', actor: { user: 'u', delegation: 'IND', role: 'delegate' }, data: { proposalId: ids[n % ids.length]!, delegation: delegations[n % delegations.length]!, stance: 'objects', reason: null } }
    : { type: 'proposal.made', at: '2021-06-02T08:00:00Z', actor: { user: 'u', delegation: 'ISR', role: 'delegate' }, data: { proposal: { id: `bench-${n}`, kind: 'insert', proponent: 'ISR', anchor: { provisionId: `v${n % 2000}`, parent: null, start: 0, end: 0 }, text: 'further ' } } };
};
const floorMap = new Map<string, number>();
report({
  figure: 'apply one event to a state with 10,000 proposals',
  median_ms: time(() => applyEvent(large, nextEvent()), { runs: 2001, warmup: 200 }),
  floor_map_set_ms: time(() => floorMap.set(`k${n++}`, n), { runs: 2001, warmup: 200 }),
  target_ms: 0.2,
});

/**
 * The repository this bench belongs to, found from the working directory. Not from
 * `import.meta.url`: bundled (to profile the engine as the browser runs it) the script lives
 * elsewhere, e.g. /tmp, and a path relative to it points nowhere.
 */
function repositoryRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir;
    if (dirname(dir) === dir) throw new Error('Run the bench from inside the Parley repository (no package.json with fixtures/ above the working directory).');
  }
}

/** Events for `provisions` paragraphs carrying `perProvision` proposals each. */
function negotiationEvents(provisions: number, perProvision: number): ParleyEvent[] {
  const actor = { user: 'bench', delegation: null, role: 'system' as const };
  const at = '2021-06-02T08:00:00Z';
  const events: ParleyEvent[] = [{ type: 'document.created', at, actor, data: { documentId: 'bench', title: 'Bench', notation: 'cica' } }];
  const text = 'Exchanging information on the measures the Member States have taken to curb illicit trafficking in the region.';
  let previous: string | null = null;
  for (let i = 0; i < provisions; i++) {
    const id = `v${i}`;
    events.push({ type: 'provision.added', at, actor, data: { provision: { id, kind: 'paragraph', label: `2.${i + 1}`, text }, after: previous } });
    previous = id;
    for (let k = 0; k < perProvision; k++) {
      const start = [11, 26, 42, 58, 80][k]!;
      const proposal =
        k % 2 === 0
          ? { id: `p${i}-${k}`, kind: 'insert' as const, proponent: 'ISR', anchor: { provisionId: id, parent: null, start, end: start }, text: 'further ' }
          : { id: `p${i}-${k}`, kind: 'delete' as const, proponent: 'IND', anchor: { provisionId: id, parent: null, start, end: start + 5 } };
      events.push({ type: 'proposal.made', at, actor: { ...actor, delegation: proposal.proponent }, data: { proposal } });
      events.push({ type: 'position.taken', at, actor, data: { proposalId: proposal.id, delegation: 'CHN', stance: 'supports', reason: null } });
    }
  }
  return events;
}
