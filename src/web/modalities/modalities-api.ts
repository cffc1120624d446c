/** Section 3's modalities and the user's notifications over HTTP (types from src/protocol). */
import type { z } from 'zod';
import type { ModalityStepBody, ProcessList, ProcessView } from '../../protocol/modalities.ts';
import type { NotificationList, NotificationPreferences, PreferencesView } from '../../protocol/notifications.ts';
import { request } from '../api.ts';

export type ProcessBody = z.infer<typeof ProcessView>;
export type StepBody = z.infer<typeof ModalityStepBody>;
export type NotificationListBody = z.infer<typeof NotificationList>;
export type PreferencesBody = z.infer<typeof PreferencesView>;

const org = (organisationId: string): string => `/api/organisations/${encodeURIComponent(organisationId)}`;

export const modalitiesApi = {
  list: (organisationId: string): Promise<z.infer<typeof ProcessList>> => request('GET', `${org(organisationId)}/modalities`),
  start: (organisationId: string, body: { modality: 'A'; areaId: string } | { modality: 'B'; topic: string }): Promise<ProcessBody> => request('POST', `${org(organisationId)}/modalities`, body),
  step: (organisationId: string, processId: string, body: StepBody): Promise<ProcessBody> => request('POST', `${org(organisationId)}/modalities/${encodeURIComponent(processId)}/steps`, body),
  deadline: (organisationId: string, processId: string, body: { stage: ProcessBody['stage']; dueBy: string }): Promise<ProcessBody> =>
    request('POST', `${org(organisationId)}/modalities/${encodeURIComponent(processId)}/deadline`, body),
  notifications: (organisationId: string): Promise<NotificationListBody> => request('GET', `${org(organisationId)}/notifications`),
  markRead: (organisationId: string, ids?: string[]): Promise<NotificationListBody> => request('POST', `${org(organisationId)}/notifications/read`, ids ? { ids } : {}),
  preferences: (organisationId: string): Promise<PreferencesBody> => request('GET', `${org(organisationId)}/notifications/preferences`),
  savePreferences: (organisationId: string, body: z.infer<typeof NotificationPreferences>): Promise<PreferencesBody> => request('PUT', `${org(organisationId)}/notifications/preferences`, body),
  liveUrl: (organisationId: string): string => `${org(organisationId)}/notifications/live`,
};
