/**
 * The organisation's seat and its time zone (Organisation.seatTimeZone, e.g. Asia/Almaty for
 * CICA's seat in Astana): every time the workspace shows is given in the reader's zone and in
 * the seat's. The document says which organisation it belongs to; the organisation, its seat.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { api } from './api.ts';

export interface Seat {
  /** The seat's name, e.g. "Astana". */
  readonly place: string;
  /** An IANA time zone, e.g. "Asia/Almaty". */
  readonly timeZone: string;
}

export const SeatContext = createContext<Seat | null>(null);

export function useSeat(): Seat | null {
  return useContext(SeatContext);
}

/** A zone Intl knows; anything else is left out rather than shown wrong. */
function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The seat of the organisation the document belongs to; null until known, or when it cannot be learnt. */
export function useDocumentSeat(documentId: string): Seat | null {
  const [seat, setSeat] = useState<Seat | null>(null);
  useEffect(() => {
    let cancelled = false;
    setSeat(null);
    api
      .document(documentId)
      .then((doc) => api.organisation(doc.organisationId))
      .then((org) => {
        if (!cancelled && isTimeZone(org.seatTimeZone)) setSeat({ place: org.seat, timeZone: org.seatTimeZone });
      })
      // Times are still shown in the reader's zone; the seat's is an addition.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [documentId]);
  return seat;
}
