// @vitest-environment happy-dom
/** A provision's address brings the reader to it once the text has drawn it, and to nothing else. */
import { afterEach, describe, expect, it } from 'vitest';
import { followProvisionFragment, provisionOfFragment } from './provision-fragment.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('following a provision fragment', () => {
  it('reads only provision fragments', () => {
    expect(provisionOfFragment('#provision-v72')).toBe('v72');
    expect(provisionOfFragment('#provision-a%20b')).toBe('a b');
    expect(provisionOfFragment('#note-1')).toBeNull();
    expect(provisionOfFragment('')).toBeNull();
  });

  it('waits for the provision to be drawn, then focuses it', async () => {
    const stop = followProvisionFragment(document.body, '#provision-v72', 5000);
    const other = document.createElement('p');
    other.dataset.provision = 'v71';
    document.body.append(other);
    await Promise.resolve();
    expect(document.activeElement).not.toBe(other);
    const target = document.createElement('p');
    target.dataset.provision = 'v72';
    document.body.append(target);
    await expect.poll(() => document.activeElement).toBe(target);
    expect(target.getAttribute('tabindex')).toBe('-1');
    stop();
  });
});
