/** `t(id, values)`: react-intl's formatMessage with the ids checked against the English catalogue. */
import { useIntl } from 'react-intl';
import type { MessageId } from './en.ts';

type Values = Record<string, string | number | Date | null | undefined>;
export type T = (id: MessageId, values?: Values) => string;

export function useT(): T {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}
