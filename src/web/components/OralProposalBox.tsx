/**
 * The chair's proposal box while a delegation has the floor: the words the chair selects are
 * proposed on that delegation's behalf (the server records the chair as the one who wrote
 * it down). Otherwise the same box as every proposal's.
 */
import type { SelectionAnchor } from '../selection-anchor.ts';
import { useT } from '../i18n/use-t.ts';
import { ProposeBox, type ProposalDraft } from './ProposeBox.tsx';

export function OralProposalBox({
  anchor,
  floor,
  onPropose,
  onCancel,
}: {
  readonly anchor: SelectionAnchor;
  readonly floor: string;
  readonly onPropose: (draft: ProposalDraft) => Promise<unknown>;
  readonly onCancel: () => void;
}) {
  const t = useT();
  return <ProposeBox anchor={anchor} heading={t('meeting.oral.heading', { delegation: floor })} onPropose={onPropose} onCancel={onCancel} />;
}
