/**
 * A proposal's history, as the engine reads it from the log (proposalHistory): who proposed
 * it and when, every position taken, changed or withdrawn with its reason, amendments,
 * alternatives, statements attached to it, and how it closed. Each entry at its time in the
 * reader's zone and the seat's; what came from the imported draft says so.
 */
import type { HistoryEntry, ProposalRef } from '../../core/index.ts';
import { useT, type T } from '../i18n/use-t.ts';
import { TimeStamp } from './TimeStamp.tsx';

function who(t: T, delegation: string | null, byChair: boolean): string {
  if (byChair) return t('bracket.byChair');
  return delegation ?? t('bracket.unattributed');
}

function proposalName(t: T, ref: ProposalRef): string {
  return t('bracket.label', { kind: t(`kind.${ref.kind}`), delegation: who(t, ref.proponent, ref.byChair) });
}

function describe(t: T, entry: HistoryEntry): string {
  switch (entry.t) {
    case 'made': {
      const { proposal } = entry;
      const text = proposal.text.trim();
      return t('history.made', { who: who(t, proposal.proponent, proposal.byChair), kind: t(`kind.${proposal.kind}`), text, hasText: text === '' ? 'no' : 'yes' });
    }
    case 'position':
      return entry.previous === null || entry.previous === entry.stance
        ? t('history.position', { delegation: entry.delegation, stance: entry.stance })
        : t('history.positionChanged', { delegation: entry.delegation, stance: entry.stance, previous: entry.previous });
    case 'position-withdrawn':
      return t('history.positionWithdrawn', { delegation: entry.delegation, stance: entry.stance });
    case 'amendment':
      return t('history.amendment', { who: who(t, entry.proposal.proponent, entry.proposal.byChair), kind: t(`kind.${entry.proposal.kind}`), text: entry.text.trim() });
    case 'alternative':
      return entry.other.t === 'provision'
        ? t('history.alternativeProvision', { label: entry.other.label ?? '' })
        : t('history.alternativeProposal', { proposal: proposalName(t, entry.other.proposal) });
    case 'statement':
      return t('history.statement', { kind: t(`statementKind.${entry.statement.kind}`), who: who(t, entry.statement.by === 'CHAIR' ? null : entry.statement.by, entry.statement.by === 'CHAIR'), text: entry.statement.text });
    case 'closed':
      return t('history.closed', { status: entry.status, cause: entry.cause, hasOther: entry.causeProposal ? 'yes' : 'no', other: entry.causeProposal ? proposalName(t, entry.causeProposal) : '' });
  }
}

export function ProposalHistory({ entries }: { readonly entries: readonly HistoryEntry[] }) {
  const t = useT();
  return (
    <section className="history" aria-labelledby="history-heading">
      <h3 id="history-heading">{t('history.heading', { count: entries.length })}</h3>
      <ol>
        {entries.map((entry, index) => (
          <li key={`${entry.version}-${index}`} className={`history-${entry.t}`}>
            <span className="when">{entry.imported ? t('history.imported') : <TimeStamp at={entry.at} />}</span>{' '}
            <span className="what">{describe(t, entry)}</span>
            {(entry.t === 'position' || entry.t === 'made') && entry.reason ? <span className="reason"> — {t('history.reason', { reason: entry.reason })}</span> : null}
            {entry.actor.role === 'secretariat' && !entry.imported ? <span className="recorded"> ({t('history.bySecretariat')})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
