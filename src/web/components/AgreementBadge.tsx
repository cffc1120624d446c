/** A provision's agreement status beside it, written out ("agreed ad ref"), never shown by colour alone. */
import type { AgreementStatus } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';

export function AgreementBadge({ status }: { readonly status: AgreementStatus }) {
  const t = useT();
  if (status === 'open') return null;
  return <span className={`badge agreement ${status}`}>{t(`agreement.${status}`)}</span>;
}
