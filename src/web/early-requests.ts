/**
 * What the page asks the server for as it loads, before the app's code has arrived: who is
 * signed in and, on a document's page, the document's folded state. main.tsx starts them
 * before it loads the app's larger script; the app takes the answers when it needs them. A request that failed (signed out, say) is
 * made again when taken.
 */
import { api, type MeBody } from './api.ts';
import type { StateTransfer } from '../core/index.ts';
import { parseRoute } from './routes.ts';

let me: Promise<MeBody | null> | null = null;
const states = new Map<string, Promise<StateTransfer>>();

function quietly<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

export function startEarlyRequests(pathname: string): void {
  me = quietly(api.me());
  const route = parseRoute(pathname);
  if (route.name === 'document') states.set(route.documentId, quietly(api.state(route.documentId)));
}

/** Who is signed in: the answer asked for early, once; afterwards (after signing out, say) asked again. */
export function takeMe(): Promise<MeBody | null> {
  const early = me;
  me = null;
  return early ? early.catch(() => api.me()) : api.me();
}

export function takeState(documentId: string): Promise<StateTransfer> {
  const early = states.get(documentId);
  states.delete(documentId);
  return early ? early.catch(() => api.state(documentId)) : api.state(documentId);
}
