/** The places in the app: the documents list, importing a draft, one document. Paths, so links can be shared. */
export type Route = { readonly name: 'documents' } | { readonly name: 'import' } | { readonly name: 'document'; readonly documentId: string };

export function parseRoute(pathname: string): Route {
  if (/^\/import\/?$/u.test(pathname)) return { name: 'import' };
  const match = /^\/documents\/([^/]+)\/?$/u.exec(pathname);
  return match ? { name: 'document', documentId: decodeURIComponent(match[1]!) } : { name: 'documents' };
}

export function pathOf(route: Route): string {
  if (route.name === 'import') return '/import';
  return route.name === 'document' ? `/documents/${encodeURIComponent(route.documentId)}` : '/';
}
