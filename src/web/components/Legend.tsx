/** What the marks mean, and which colour stands for which delegation in this document. */
import type { DocumentState } from '../../core/index.ts';
import { delegationColour } from '../delegation-colour.ts';
import { useT } from '../i18n/use-t.ts';

export function proponentsOf(state: DocumentState): string[] {
  const codes = new Set<string>();
  for (const proposal of state.proposals.values()) if (proposal.status === 'open') codes.add(proposal.byChair ? 'CHAIR' : (proposal.proponent ?? '?'));
  return [...codes].sort();
}

export function Legend({ state }: { readonly state: DocumentState }) {
  const t = useT();
  return (
    <details className="legend">
      <summary>{t('legend.heading')}</summary>
      <p>{t('legend.brackets')}</p>
      <ul className="legend-delegations">
        {proponentsOf(state).map((code) => (
          <li key={code}>
            <span className="bracket-mark" style={{ color: delegationColour(code === '?' ? null : code) }}>
              [ ]
            </span>{' '}
            {code}
          </li>
        ))}
      </ul>
      <ul>
        <li>{t('legend.for')}</li>
        <li>{t('legend.against')}</li>
        <li>{t('legend.reserve')}</li>
        <li>{t('legend.deleted')}</li>
      </ul>
    </details>
  );
}
