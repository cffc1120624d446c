export type { Delegation, DelegationKind, DelegationRegistry } from './delegation.ts';
export { createDelegationRegistry } from './registry.ts';
export { CICA_ALIASES, CICA_MEMBER_STATES_2021 } from './cica.ts';
