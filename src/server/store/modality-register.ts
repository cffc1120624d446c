/**
 * The modalities' register: the processes of section 3 of one organisation, folded by
 * src/core/modalities' register (each step validated by the state machine when replayed too:
 * the machine's rules do not change with the text, unlike the catalogue's scope).
 */
import { emptyModalityRegister, tryApplyModalityRegisterEvent, type ModalityRegister, type ModalityRegisterEvent } from '../../core/index.ts';
import type { Database } from '../db/database.ts';
import { RegisterStore, type RegisterDomain } from './register-store.ts';

export type ModalityStore = RegisterStore<ModalityRegister, ModalityRegisterEvent>;

export const MODALITY_REGISTER: RegisterDomain<ModalityRegister, ModalityRegisterEvent> = {
  kind: 'modalities',
  empty: emptyModalityRegister,
  apply(state, event) {
    const result = tryApplyModalityRegisterEvent(state, event);
    return result.ok ? null : result.rejection;
  },
};

export function modalityStore(database: Database, now: () => Date): ModalityStore {
  return new RegisterStore(database, MODALITY_REGISTER, now);
}
