import type { ModalityActor } from './modality-event.ts';

/** Short actors and dates for the modality tests. */
export const state = (code: string): ModalityActor => ({ role: 'state', state: code });
export const chairman: ModalityActor = { role: 'chairman' };
export const secretariat: ModalityActor = { role: 'secretariat' };
export const swg: ModalityActor = { role: 'swg' };
export const soc: ModalityActor = { role: 'soc' };
export const experts: ModalityActor = { role: 'experts' };

/** A UTC instant on day `day` of June 2021 at `hour`. */
export const june = (day: number, hour = 9): string => `2021-06-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

export const MEMBERS = ['KAZ', 'RUS', 'THA', 'TUR', 'CHN'];
