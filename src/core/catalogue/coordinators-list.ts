/**
 * `readCoordinatorsList` reads the "List of coordinating and co-coordinating countries" from
 * the document it was imported with: a table whose columns are No., Dimension, Priority Area
 * (a number and a name), Coordinator and Co-coordinator, one line per row, cells separated by
 * tabs. A `+` before a name marks a state that volunteered and that the SWG recommends to the
 * SOC for approval.
 *
 * Real lists are untidy, and the reader takes them as they are:
 * - a row that continues the dimension above leaves No. and Dimension empty;
 * - a row for a whole dimension (no priority areas) may merge the two area columns into one
 *   empty cell or keep both, so its names are found by what they are, not by position;
 * - the table may be cut by a page break, with a footnote or a repeated header between its
 *   parts (in one table provision or in several): such lines are skipped and reported;
 * - several names share one cell, separated by spaces only ("Kazakhstan Thailand Turkey",
 *   "Republic of Korea"): the longest run of words that names a state wins.
 */
import type { DelegationRegistry } from '../delegations/delegation.ts';
import type { DocumentState } from '../model/document-state.ts';
import { foldText } from './folded-text.ts';

export interface ListedName {
  /** As the list writes it: "Republic of Korea". */
  readonly written: string;
  /** ISO 3166-1 alpha-3: "KOR". */
  readonly code: string;
  /** Marked "+": volunteered, recommended by the SWG, awaiting the SOC. */
  readonly volunteered: boolean;
}

export interface CoordinatorsListRow {
  /** The table provision the row was read from, and its line there (1 = the first line). */
  readonly provisionId: string;
  readonly line: number;
  /** The dimension's number and name as the list writes them: "3", "Economic". */
  readonly dimensionNumber: string;
  readonly dimension: string;
  /** Null for a row about a whole dimension. */
  readonly areaNumber: string | null;
  readonly area: string | null;
  readonly coordinators: readonly ListedName[];
  readonly coCoordinators: readonly ListedName[];
}

export type ListProblemCode = 'NOT_A_ROW' | 'UNKNOWN_NAME' | 'NO_DIMENSION' | 'EXTRA_CELLS';

export interface ListProblem {
  readonly code: ListProblemCode;
  readonly provisionId: string;
  readonly line: number;
  readonly message: string;
}

export interface CoordinatorsList {
  /** The list's title provision, when the table follows one. */
  readonly titleProvisionId: string | null;
  readonly rows: readonly CoordinatorsListRow[];
  readonly problems: readonly ListProblem[];
}

const NUMBER_CELL = /^\d+\.?$/u;
/** No state's name is longer than this many words ("Saint Vincent and the Grenadines"). */
const LONGEST_NAME = 6;

/** The coordinators list of `state`, or null when the document has none. */
export function readCoordinatorsList(state: DocumentState, registry: DelegationRegistry): CoordinatorsList | null {
  const tables = listTables(state);
  if (tables === null) return null;
  const reader = new RowReader(registry);
  for (const table of tables.provisions) {
    table.text.split('\n').forEach((line, index) => reader.read(table.id, index + 1, line));
  }
  return { titleProvisionId: tables.titleId, rows: reader.rows, problems: reader.problems };
}

/** The table provisions that hold the list: the one with its header, and any that continue it after a page break. */
function listTables(state: DocumentState): { titleId: string | null; provisions: { id: string; text: string }[] } | null {
  const provisions: { id: string; text: string }[] = [];
  let titleId: string | null = null;
  let previousId: string | null = null;
  for (const id of state.order) {
    const provision = state.provisions.get(id);
    if (!provision) continue;
    if (provisions.length === 0) {
      if (provision.kind === 'table' && isHeader(provision.text.split('\n')[0] ?? '')) {
        provisions.push({ id, text: provision.text });
        titleId = previousId;
      }
      previousId = id;
      continue;
    }
    // After the list has started: more table parts continue it; a heading or another list ends it;
    // footnotes and other text that a page break put between the parts are passed over.
    if (provision.kind === 'heading') break;
    if (provision.kind !== 'table') continue;
    if (isHeader(provision.text.split('\n')[0] ?? '') && !looksLikeRows(provision.text)) break;
    provisions.push({ id, text: provision.text });
  }
  return provisions.length === 0 ? null : { titleId, provisions };
}

function isHeader(line: string): boolean {
  const cells = line.split('\t').map((cell) => foldText(cell).trim());
  return cells.includes('coordinator') && cells.some((cell) => cell.startsWith('co-coordinator'));
}

/** A table part that repeats the header after a page break still carries rows under it. */
function looksLikeRows(text: string): boolean {
  return text.split('\n').slice(1).some((line) => line.includes('\t'));
}

class RowReader {
  readonly rows: CoordinatorsListRow[] = [];
  readonly problems: ListProblem[] = [];
  readonly #registry: DelegationRegistry;
  #dimension: { number: string; name: string } | null = null;

  constructor(registry: DelegationRegistry) {
    this.#registry = registry;
  }

  read(provisionId: string, line: number, text: string): void {
    if (text.trim() === '' || isHeader(text)) return;
    const cells = text.split('\t').map((cell) => cell.trim());
    const [number = '', dimension = '', ...rest] = cells;
    if (cells.length < 3 || (number !== '' && !NUMBER_CELL.test(number))) {
      this.problem('NOT_A_ROW', provisionId, line, `"${shorten(text)}" is not a row of the list (a footnote or a page heading?); it was skipped.`);
      return;
    }
    if (number !== '') this.#dimension = { number: number.replace(/\.$/u, ''), name: dimension };
    const current = this.#dimension;
    if (current === null) {
      this.problem('NO_DIMENSION', provisionId, line, `Row "${shorten(text)}" comes before any dimension is named; it was skipped.`);
      return;
    }
    const where = { provisionId, line, dimensionNumber: current.number, dimension: current.name };
    const parsed = rest.map((cell) => (cell === '' ? null : this.names(cell)));
    // The priority area is the cell after the area's number; without a number, the first cell
    // that names no state (a cell that names one, even beside a misspelt one, holds names).
    const first = rest.findIndex((cell) => cell !== '');
    const numbered = first >= 0 && NUMBER_CELL.test(rest[first] ?? '');
    const areaAt = numbered ? first + 1 : rest.findIndex((cell, i) => cell !== '' && (parsed[i]?.names.length ?? 0) === 0);
    if (areaAt < 0) {
      this.wholeDimension(where, rest, parsed);
      return;
    }
    const [coordinatorCell = '', coCell = '', ...extra] = rest.slice(areaAt + 1);
    if (extra.some((cell) => cell !== '')) {
      this.problem('EXTRA_CELLS', provisionId, line, `Row ${current.number} "${rest[areaAt] ?? ''}" has more cells than the list's columns; the ones after Co-coordinator were ignored.`);
    }
    this.rows.push({
      ...where,
      areaNumber: numbered ? (rest[first] ?? '').replace(/\.$/u, '') : null,
      area: rest[areaAt] ?? '',
      coordinators: this.namesIn(coordinatorCell, where),
      coCoordinators: this.namesIn(coCell, where),
    });
  }

  /** A row for a whole dimension: its non-empty cells are the coordinator's, then the co-coordinators'. */
  wholeDimension(where: Omit<CoordinatorsListRow, 'areaNumber' | 'area' | 'coordinators' | 'coCoordinators'>, rest: readonly string[], parsed: readonly (ParsedNames | null)[]): void {
    const filled = rest.filter((cell, i) => cell !== '' && parsed[i] !== null);
    let [coordinatorCell = '', coCell = ''] = filled;
    // One cell of volunteers only: the "+" says they are co-coordinators, whatever the column.
    if (filled.length === 1 && this.names(coordinatorCell).names.every((name) => name.volunteered)) [coordinatorCell, coCell] = ['', coordinatorCell];
    if (filled.length > 2) {
      this.problem('EXTRA_CELLS', where.provisionId, where.line, `Row ${where.dimensionNumber} "${where.dimension}" has more names cells than Coordinator and Co-coordinator; the rest were ignored.`);
    }
    this.rows.push({ ...where, areaNumber: null, area: null, coordinators: this.namesIn(coordinatorCell, where), coCoordinators: this.namesIn(coCell, where) });
  }

  namesIn(cell: string, where: { provisionId: string; line: number; dimensionNumber: string }): ListedName[] {
    const { names, unknown } = this.names(cell);
    for (const written of unknown) {
      this.problem(
        'UNKNOWN_NAME',
        where.provisionId,
        where.line,
        `"${written}" in row ${where.dimensionNumber} names no state the organisation knows; it was left out. Correct the name or add it as an alias of the state's code.`,
      );
    }
    return names;
  }

  names(cell: string): ParsedNames {
    const tokens = cell.replace(/\+/gu, ' + ').split(/[\s,;]+/u).filter((token) => token !== '');
    const names: ListedName[] = [];
    const unknown: string[] = [];
    let volunteered = false;
    let pending: string[] = [];
    const flushUnknown = (): void => {
      if (pending.length > 0 && !(pending.length === 1 && pending[0] === 'and')) unknown.push(pending.join(' '));
      pending = [];
    };
    for (let i = 0; i < tokens.length; ) {
      if (tokens[i] === '+') {
        flushUnknown();
        volunteered = true;
        i++;
        continue;
      }
      const found = this.longestName(tokens, i);
      if (found === null) {
        pending.push(tokens[i] ?? '');
        i++;
        continue;
      }
      flushUnknown();
      names.push({ written: tokens.slice(i, i + found.length).join(' '), code: found.code, volunteered });
      volunteered = false;
      i += found.length;
    }
    flushUnknown();
    return { names, unknown };
  }

  longestName(tokens: readonly string[], from: number): { code: string; length: number } | null {
    const plus = tokens.indexOf('+', from);
    const limit = Math.min(LONGEST_NAME, (plus < 0 ? tokens.length : plus) - from);
    for (let length = limit; length >= 1; length--) {
      const delegation = this.#registry.resolve(tokens.slice(from, from + length).join(' '));
      if (delegation && (delegation.kind === 'state' || delegation.kind === 'observer-state')) return { code: delegation.code, length };
    }
    return null;
  }

  problem(code: ListProblemCode, provisionId: string, line: number, message: string): void {
    this.problems.push({ code, provisionId, line, message });
  }
}

interface ParsedNames {
  readonly names: ListedName[];
  readonly unknown: string[];
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= 60 ? flat : `${flat.slice(0, 60)}…`;
}
