/**
 * A small horizontal bar chart drawn as inline SVG, with an accessible name and each bar's
 * value written beside it (a chart is never the only way to read the numbers: the screens
 * put a table of the same data next to it).
 */
import { useId } from 'react';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

const ROW = 22;
const LABEL_WIDTH = 180;
const BAR_WIDTH = 260;

export function BarChart({ title, bars, max, describe }: { readonly title: string; readonly bars: readonly Bar[]; readonly max: number; readonly describe: (bar: Bar) => string }) {
  const titleId = useId();
  const height = bars.length * ROW + 4;
  return (
    <svg className="bar-chart" role="img" aria-labelledby={titleId} width={LABEL_WIDTH + BAR_WIDTH + 60} height={height} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${height}`}>
      <title id={titleId}>{`${title}. ${bars.map(describe).join('; ')}`}</title>
      {bars.map((bar, index) => {
        const width = max <= 0 ? 0 : Math.round((bar.value / max) * BAR_WIDTH);
        const y = index * ROW + 2;
        return (
          <g key={bar.label} aria-hidden="true">
            <text x={LABEL_WIDTH - 6} y={y + 15} textAnchor="end" className="bar-label">
              {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} className="bar" />
            <text x={LABEL_WIDTH + width + 6} y={y + 15} className="bar-value">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
