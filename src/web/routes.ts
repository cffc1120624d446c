/**
 * The places in the app: the documents list, importing a draft, one document, the catalogue in
 * use, the information exchange, the organisation's meetings, the notes verbales registry, the
 * modalities, notifications. Paths, so links can be shared.
 */
export type CatalogueView = 'browse' | 'measures' | 'review';
export type Route =
  | { readonly name: 'documents' }
  | { readonly name: 'import' }
  | { readonly name: 'document'; readonly documentId: string }
  | { readonly name: 'catalogue'; readonly view: CatalogueView }
  | { readonly name: 'exchange'; readonly submissionId: string | null }
  | { readonly name: 'meetings'; readonly meetingId: string | null }
  /** The registry (noteId null), one note, or the secretariat's form for a new one ('new'). */
  | { readonly name: 'notes'; readonly noteId: string | null }
  | { readonly name: 'modalities'; readonly processId: string | null }
  | { readonly name: 'notifications' };

const CATALOGUE_PATHS: Readonly<Record<CatalogueView, string>> = { browse: '/catalogue', measures: '/catalogue/measures', review: '/catalogue/review' };

export function parseRoute(pathname: string): Route {
  if (/^\/import\/?$/u.test(pathname)) return { name: 'import' };
  const catalogue = /^\/catalogue(?:\/(measures|review))?\/?$/u.exec(pathname);
  if (catalogue) return { name: 'catalogue', view: (catalogue[1] as CatalogueView | undefined) ?? 'browse' };
  const exchange = /^\/exchange(?:\/([^/]+))?\/?$/u.exec(pathname);
  if (exchange) return { name: 'exchange', submissionId: exchange[1] === undefined ? null : decodeURIComponent(exchange[1]) };
  const meetings = /^\/meetings(?:\/([^/]+))?\/?$/u.exec(pathname);
  if (meetings) return { name: 'meetings', meetingId: meetings[1] === undefined ? null : decodeURIComponent(meetings[1]) };
  const notes = /^\/notes-verbales(?:\/([^/]+))?\/?$/u.exec(pathname);
  if (notes) return { name: 'notes', noteId: notes[1] === undefined ? null : decodeURIComponent(notes[1]) };
  const modalities = /^\/modalities(?:\/([^/]+))?\/?$/u.exec(pathname);
  if (modalities) return { name: 'modalities', processId: modalities[1] === undefined ? null : decodeURIComponent(modalities[1]) };
  if (/^\/notifications\/?$/u.test(pathname)) return { name: 'notifications' };
  const match = /^\/documents\/([^/]+)\/?$/u.exec(pathname);
  return match ? { name: 'document', documentId: decodeURIComponent(match[1]!) } : { name: 'documents' };
}

export function pathOf(route: Route): string {
  if (route.name === 'import') return '/import';
  if (route.name === 'catalogue') return CATALOGUE_PATHS[route.view];
  if (route.name === 'meetings') return route.meetingId === null ? '/meetings' : `/meetings/${encodeURIComponent(route.meetingId)}`;
  if (route.name === 'exchange') return route.submissionId === null ? '/exchange' : `/exchange/${encodeURIComponent(route.submissionId)}`;
  if (route.name === 'notes') return route.noteId === null ? '/notes-verbales' : `/notes-verbales/${encodeURIComponent(route.noteId)}`;
  if (route.name === 'modalities') return route.processId === null ? '/modalities' : `/modalities/${encodeURIComponent(route.processId)}`;
  if (route.name === 'notifications') return '/notifications';
  return route.name === 'document' ? `/documents/${encodeURIComponent(route.documentId)}` : '/';
}

/** Where a provision of a document is addressed: the document's page, the provision as its fragment. */
export function provisionHref(documentId: string, provisionId: string): string {
  return `${pathOf({ name: 'document', documentId })}#provision-${encodeURIComponent(provisionId)}`;
}
