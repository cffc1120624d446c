/**
 * A progress bar that assistive technology reads: role="progressbar" with its value while the
 * amount is known (reading a file, sending it), and without one — busy, of unknown length —
 * while the server works.
 */
import { useId } from 'react';
import { useIntl } from 'react-intl';

export function ProgressBar({ label, done }: { readonly label: string; /** 0..1, or null when the amount is unknown. */ readonly done: number | null }) {
  const intl = useIntl();
  const id = useId();
  const percent = done === null ? null : Math.round(Math.min(1, Math.max(0, done)) * 100);
  return (
    <div className="progress">
      <span id={id} className="progress-label">
        {label}
        {percent === null ? null : ` — ${intl.formatNumber(percent / 100, { style: 'percent' })}`}
      </span>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? { 'aria-busy': true } : { 'aria-valuenow': percent, 'aria-valuetext': intl.formatNumber(percent / 100, { style: 'percent' }) })}
        className={`progress-track${percent === null ? ' indeterminate' : ''}`}
      >
        <div className="progress-fill" style={percent === null ? undefined : { inlineSize: `${percent}%` }} />
      </div>
    </div>
  );
}
