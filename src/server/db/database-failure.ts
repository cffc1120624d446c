/**
 * Which errors mean "the database cannot take this now" rather than a fault of the request or
 * of our code: the error handler answers those with a 503 or 507 problem a person can act on,
 * instead of a 500 with a reference, so that clients retry and operators know where to look.
 */

export interface DatabaseFailure {
  readonly kind: 'unavailable' | 'storage-full';
  /** The driver's own words (never Drizzle's "Failed query: …", which quotes the request's data). */
  readonly reason: string;
}

// SQLSTATE classes and codes (PostgreSQL appendix A): 08 connection exception; 57P01–57P03
// the server shutting down, crashed or starting up; 53100 disk full (PGlite reports the same
// code when its data folder's file system is full).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// node-postgres reports a dropped socket without a code, in these words.
const UNAVAILABLE_MESSAGE = /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect/u;

/** Looks through the error and its causes (Drizzle wraps the driver's error as `cause`). */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    const found = (current as { message?: unknown }).message;
    const message = typeof found === 'string' ? found : '';
    const reason = message.slice(0, 200);
    if (code === '53100' || code === 'ENOSPC' || /No space left on device/u.test(message)) return { kind: 'storage-full', reason };
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return { kind: 'unavailable', reason };
    if (UNAVAILABLE_MESSAGE.test(message)) return { kind: 'unavailable', reason };
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
