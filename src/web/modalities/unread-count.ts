/**
 * The number of unread notifications for the header: fetched once, then again whenever the
 * server's live stream says something new arrived (EventSource reconnects by itself).
 */
import { useCallback, useEffect, useState } from 'react';
import { modalitiesApi } from './modalities-api.ts';

export function useUnreadCount(organisationId: string | null): { unread: number; refresh: () => void } {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => {
    if (organisationId === null) return;
    modalitiesApi.notifications(organisationId).then(
      (list) => setUnread(list.unread),
      () => undefined,
    );
  }, [organisationId]);
  useEffect(() => {
    if (organisationId === null) return undefined;
    refresh();
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(modalitiesApi.liveUrl(organisationId));
    source.addEventListener('notification', refresh);
    return () => source.close();
  }, [organisationId, refresh]);
  return { unread, refresh };
}
