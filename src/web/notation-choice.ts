/**
 * Which notation a document is read in, kept in the page's address (`?notation=un`,
 * address-choice.ts); none means Parley's own presentation.
 */
import { useAddressChoice, type AddressCodec } from './address-choice.ts';
import { isNotationId, type NotationId } from './notations.ts';

const PARAM = 'notation';
const codec: AddressCodec<NotationId> = { parse: (value) => (isNotationId(value) ? value : null), format: (id) => id };

export function useNotationChoice(): readonly [NotationId | null, (next: NotationId | null) => void] {
  return useAddressChoice(PARAM, codec);
}
