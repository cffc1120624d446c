// @vitest-environment happy-dom
/** Parts loaded on demand: drawn at once once loaded ahead, and a part that cannot be loaded says so instead of a blank page. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { onDemand } from './on-demand.tsx';

afterEach(cleanup);

function Greeting({ name }: { readonly name: string }) {
  return <p>Hello {name}</p>;
}

const drawn = (node: React.ReactNode) =>
  render(
    <LocaleProvider initial="en">
      <Suspense fallback={<p>waiting</p>}>{node}</Suspense>
    </LocaleProvider>,
  );

describe('a part loaded on demand', () => {
  it('is drawn at once when its script was loaded ahead', async () => {
    const part = onDemand(() => Promise.resolve(Greeting));
    await part.load();
    drawn(<part.Component name="ISR" />);
    expect(screen.getByText('Hello ISR').tagName).toBe('P');
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('stands aside while its script loads the first time', async () => {
    const part = onDemand(() => Promise.resolve(Greeting));
    drawn(<part.Component name="IND" />);
    expect(screen.getByText('waiting').tagName).toBe('P');
    expect((await screen.findByText('Hello IND')).tagName).toBe('P');
  });

  it('says that it could not be loaded, and how to recover', async () => {
    const part = onDemand<{ readonly name: string }>(() => Promise.reject(new Error('404 for an old script')));
    await act(async () => {
      drawn(<part.Component name="CHN" />);
      await part.load();
    });
    expect((await screen.findByRole('alert')).textContent).toBe('This part of Parley could not be loaded (the connection, or a newer version on the server): reload the page.');
  });
});
