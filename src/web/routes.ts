/** The two places in the app: the documents list and one document. Paths, so links can be shared. */
export type Route = { readonly name: 'documents' } | { readonly name: 'document'; readonly documentId: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/documents\/([^/]+)\/?$/u.exec(pathname);
  return match ? { name: 'document', documentId: decodeURIComponent(match[1]!) } : { name: 'documents' };
}

export function pathOf(route: Route): string {
  return route.name === 'document' ? `/documents/${encodeURIComponent(route.documentId)}` : '/';
}
