/** The summary the CLI prints for an imported draft. */
import type { DocumentState } from './model/document-state.ts';
import type { ImportWarning } from './notations/warnings.ts';
import { directions } from './views/counts.ts';

export interface Summary {
  readonly provisions: number;
  readonly proposals: number;
  readonly optionSets: number;
  readonly statements: number;
  readonly footnotes: number;
  readonly positions: Record<string, { for: number; against: number; reserve: number }>;
  readonly warnings: readonly { code: string; line: number; column: number; message: string }[];
}

/** Counts what the state holds; positions are grouped per delegation, for and against the words. */
export function summarize(state: DocumentState, warnings: readonly ImportWarning[] = []): Summary {
  const positions: Record<string, { for: number; against: number; reserve: number }> = {};
  for (const proposal of state.proposals.values()) {
    if (proposal.status !== 'open') continue;
    for (const position of state.positions.get(proposal.id)?.values() ?? []) {
      const entry = (positions[position.delegation] ??= { for: 0, against: 0, reserve: 0 });
      for (const way of directions(proposal, position)) entry[way]++;
    }
  }
  const sorted = Object.fromEntries(Object.entries(positions).sort(([a], [b]) => a.localeCompare(b)));
  const statements = [...state.statements.values()];
  return {
    provisions: state.order.length,
    proposals: [...state.proposals.values()].filter((p) => p.status === 'open').length,
    optionSets: [...state.optionSets.values()].filter((s) => s.status === 'open').length,
    statements: statements.length,
    footnotes: statements.filter((s) => s.layout.marker !== undefined && !s.layout.textless).length,
    positions: sorted,
    warnings: warnings.map(({ code, line, column, message }) => ({ code, line, column, message })),
  };
}
