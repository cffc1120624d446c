import { describe, expect, it } from 'vitest';
import { unstorableTextAt } from './text-guard.ts';

describe('text the database cannot store', () => {
  it('names where a NUL or a lone surrogate is, in values and property names, and passes any other text', () => {
    expect(unstorableTextAt({ a: ['fine', 'Қазақстан 😀 e\u0301'] }, 'body')).toBeNull();
    expect(unstorableTextAt({ a: ['fine', 'x\u0000y'] }, 'body')).toBe('body.a.1');
    expect(unstorableTextAt({ a: { b: '\ud800' } }, 'body')).toBe('body.a.b');
    expect(unstorableTextAt({ a: '\udc00\ud800' }, 'body')).toBe('body.a');
    expect(unstorableTextAt({ 'k\u0000': 1 }, 'query')).toBe('query (a property name)');
    expect(unstorableTextAt('a\u0000', 'path')).toBe('path');
    expect(unstorableTextAt(null, 'body')).toBeNull();
  });

  it('walks a body nested deeper than the call stack without overflowing', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unstorableTextAt(deep, 'body')).toBe(`body${'.0'.repeat(200_000)}`);
  });
});
