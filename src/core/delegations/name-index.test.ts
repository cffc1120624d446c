import { describe, expect, it } from 'vitest';
import { buildNameIndex, type DelegationSource } from './name-index.ts';

function state(code: string, packageNames: readonly string[], ownNames: readonly string[] = []): DelegationSource {
  return { code, kind: 'state', names: { en: `${code} en`, ru: `${code} ru` }, ownNames, packageNames };
}

describe('buildNameIndex', () => {
  it('drops a package name two delegations share, from lookup and from their short names', () => {
    const index = buildNameIndex([state('COG', ['Congo']), state('COD', ['Congo'])]);
    expect(index.folded.get('congo')).toBeUndefined();
    expect(index.byCode.get('COG')?.shortNames).toEqual(['COG en', 'COG ru']);
  });

  it('gives a shared package name to the delegation that also has it as its own name', () => {
    const index = buildNameIndex([state('COG', ['Congo'], ['Congo']), state('COD', ['Congo'])]);
    expect(index.folded.get('congo')?.code).toBe('COG');
    expect(index.byCode.get('COD')?.shortNames).not.toContain('Congo');
  });

  it('lets a code win over a capitalised name of another delegation', () => {
    const index = buildNameIndex([state('NAM', []), { ...state('NONALIGNED', [], ['NAM']), kind: 'group' }]);
    expect(index.exact.get('NAM')?.code).toBe('NAM');
    expect(index.byCode.get('NONALIGNED')?.shortNames).not.toContain('NAM');
  });

  it('rejects two delegations with one code or one hand-picked name', () => {
    expect(() => buildNameIndex([state('AAA', []), state('AAA', [])])).toThrow(/code AAA/u);
    expect(() => buildNameIndex([state('AAA', [], ['Same']), state('BBB', [], ['same'])])).toThrow(/"same"/u);
  });

  it('lists states and groups sorted by code, and not the chair', () => {
    const chair: DelegationSource = { code: 'CHAIR', kind: 'chair', names: { en: 'Chair', ru: 'Председатель' }, ownNames: [], packageNames: [] };
    const index = buildNameIndex([state('ZZZ', []), chair, state('AAA', [])]);
    expect(index.listed.map((delegation) => delegation.code)).toEqual(['AAA', 'ZZZ']);
    expect(index.byCode.get('CHAIR')?.kind).toBe('chair');
  });
});
