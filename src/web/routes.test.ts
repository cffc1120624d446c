/** The app's places as paths and back: the catalogue's three screens and a provision's address. */
import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, provisionHref, type Route } from './routes.ts';

describe('routes', () => {
  it('reads and writes every place, the catalogue screens included', () => {
    const routes: Route[] = [
      { name: 'documents' },
      { name: 'import' },
      { name: 'document', documentId: 'a b/c' },
      { name: 'catalogue', view: 'browse' },
      { name: 'catalogue', view: 'measures' },
      { name: 'catalogue', view: 'review' },
      { name: 'exchange', submissionId: null },
      { name: 'exchange', submissionId: 'id-0007' },
      { name: 'meetings', meetingId: null },
      { name: 'meetings', meetingId: 'swg-2021-06-02' },
      { name: 'notes', noteId: null },
      { name: 'notes', noteId: 'new' },
      { name: 'notes', noteId: 'note-17-1/298' },
    ];
    for (const route of routes) expect(parseRoute(pathOf(route))).toEqual(route);
    expect(pathOf({ name: 'catalogue', view: 'review' })).toBe('/catalogue/review');
    expect(parseRoute('/catalogue/')).toEqual({ name: 'catalogue', view: 'browse' });
    expect(parseRoute('/catalogue/elsewhere')).toEqual({ name: 'documents' });
  });

  it('reads /exchange with or without a trailing slash, and anything unknown as the documents list', () => {
    expect(parseRoute('/exchange/')).toEqual({ name: 'exchange', submissionId: null });
    expect(parseRoute('/exchange/a%2Fb')).toEqual({ name: 'exchange', submissionId: 'a/b' });
    expect(parseRoute('/exchange/a/b')).toEqual({ name: 'documents' });
    expect(parseRoute('/meetings/')).toEqual({ name: 'meetings', meetingId: null });
    expect(pathOf({ name: 'notes', noteId: 'note-17-1/298' })).toBe('/notes-verbales/note-17-1%2F298');
    expect(parseRoute('/notes-verbales/')).toEqual({ name: 'notes', noteId: null });
  });

  it('addresses a provision as a fragment of its document', () => {
    expect(provisionHref('cica 2021', 'v72')).toBe('/documents/cica%202021#provision-v72');
  });
});
