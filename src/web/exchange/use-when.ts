/** An instant or a date as the reader's language writes it (Intl through react-intl; no zone arithmetic here). */
import { useIntl } from 'react-intl';

export function useWhen(): (iso: string) => string {
  const intl = useIntl();
  return (iso) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
