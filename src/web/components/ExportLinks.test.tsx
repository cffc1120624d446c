// @vitest-environment happy-dom
/** The export links: the view and notation on screen go into the Word link; names in the reader's language. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { ExportLinks } from './ExportLinks.tsx';

afterEach(cleanup);

describe('the export links', () => {
  it('download the view on screen as Word, and the document as Akoma Ntoso', () => {
    render(
      <LocaleProvider initial="en">
        <ExportLinks documentId="doc 1" view="as:THA" notation="un" />
      </LocaleProvider>,
    );
    // The links sit in a landmark named in the reader's language.
    expect(screen.getByRole('navigation', { name: 'Download' }).querySelectorAll('a')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Word (.docx) of this view' }).getAttribute('href')).toBe('/api/documents/doc%201/export?format=docx&view=as%3ATHA&notation=un');
    expect(screen.getByRole('link', { name: 'Akoma Ntoso (XML)' }).getAttribute('href')).toBe('/api/documents/doc%201/export?format=akn');
  });

  it('speaks Russian and Kazakh', () => {
    const { unmount } = render(
      <LocaleProvider initial="ru">
        <ExportLinks documentId="d" view="compiled" notation={null} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('link', { name: 'Word (.docx) в этом виде' }).getAttribute('href')).toBe('/api/documents/d/export?format=docx&view=compiled');
    unmount();
    render(
      <LocaleProvider initial="kk">
        <ExportLinks documentId="d" view="compiled" notation={null} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('navigation', { name: 'Жүктеп алу' }).querySelectorAll('a')).toHaveLength(3);
  });
});
