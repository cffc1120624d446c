import type { DelegationSource } from './name-index.ts';

/**
 * The chair of a meeting, who tables "chair's proposals", and the secretariat, which circulates
 * drafts. Both can be named in drafts and looked up, but all() leaves them out: they are not
 * parties.
 */
export function meetingRoleSources(): DelegationSource[] {
  return [
    {
      code: 'CHAIR',
      kind: 'chair',
      names: { en: 'Chair', ru: 'Председатель' },
      ownNames: ['Chair', 'Chairman', 'Chairperson', 'Председатель'],
      packageNames: [],
    },
    {
      code: 'SECRETARIAT',
      kind: 'secretariat',
      names: { en: 'Secretariat', ru: 'Секретариат' },
      ownNames: ['Secretariat', 'Секретариат'],
      packageNames: [],
    },
  ];
}
