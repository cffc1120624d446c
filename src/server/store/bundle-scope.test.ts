import { describe, expect, it } from 'vitest';
import { concernsParty } from './verification-bundle.ts';

const by = (delegation: string | null, role = 'delegate') => ({ actor: { user: 'u', delegation, role } });

describe('which events a party’s verification bundle writes out', () => {
  it('writes out every member’s streams, the party’s own acts, and what was sent or circulated to it — and seals the rest', () => {
    expect(concernsParty('IND', null, { type: 'proposal.made', ...by('ISR') })).toBe(true);
    expect(concernsParty('IND', 'catalogue', { type: 'coordinator.volunteered', ...by('ISR') })).toBe(true);
    expect(concernsParty('IND', 'calendar', { type: 'meeting.convened', ...by(null, 'secretariat') })).toBe(true);
    expect(concernsParty('IND', 'exchange', { type: 'submission.sent', ...by('ISR'), data: { submission: { to: ['KAZ'] } } })).toBe(false);
    expect(concernsParty('KAZ', 'exchange', { type: 'submission.sent', ...by('ISR'), data: { submission: { to: ['KAZ'] } } })).toBe(true);
    expect(concernsParty('ISR', 'exchange', { type: 'consent.granted', ...by('ISR'), data: {} })).toBe(true);
    expect(concernsParty('SECRETARIAT', 'exchange', { type: 'submission.disseminated', ...by(null, 'secretariat'), data: {} })).toBe(true);
    expect(concernsParty('IND', 'notes-verbales', { type: 'note.circulated', ...by(null, 'secretariat'), data: { to: ['IND', 'KAZ'] } })).toBe(true);
    expect(concernsParty('CHN', 'notes-verbales', { type: 'note.circulated', ...by(null, 'secretariat'), data: { to: ['IND', 'KAZ'] } })).toBe(false);
    expect(concernsParty('IND', 'notes-verbales', { type: 'note.drafted', ...by(null, 'secretariat'), data: {} })).toBe(false);
    expect(concernsParty('IND', 'modalities', { type: 'views.exchanged', ...by('IND') })).toBe(true);
    expect(concernsParty('IND', 'modalities', { type: 'views.exchanged', ...by('KAZ') })).toBe(false);
    // The chair acts for no party, even with a delegation on the actor.
    expect(concernsParty('IND', 'modalities', { type: 'database.compiled', ...by('IND', 'chair') })).toBe(false);
  });
});
