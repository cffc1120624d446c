/** Exchange submissions for tests: the information-exchange body most tests need to send. */

/**
 * An urgent disaster report (catalogue measure 2.4.3) to the states `to`, addressees only;
 * `event` names it (subject and body) so a test can look for it, or prove it is not seen.
 */
export function disasterReport(to: readonly string[], event = 'Mudflow on the Ile river', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'disaster',
    to,
    subject: `Disaster: ${event}`,
    legalBasis: '2.4.3',
    language: 'en',
    dissemination: { kind: 'addressees-only' },
    urgent: true,
    kind: 'report',
    body: {
      hazard: 'natural',
      event,
      occurredAt: '2021-06-02T06:00:00.000Z',
      location: 'Almaty region',
      mayAffect: to,
      description: 'A mudflow has blocked the river; the water may reach the border within 12 hours.',
      assistanceRequested: false,
    },
    ...overrides,
  };
}

/** A yearly report (2.1.1 c) by a host state on `deployingState`'s contingent on its territory, to the states `to`. */
export function contingentsReport(to: readonly string[], deployingState: string, period = '2021'): Record<string, unknown> {
  return {
    category: 'foreign-contingents',
    to,
    subject: `Foreign contingents ${period}`,
    legalBasis: '2.1.1 c',
    language: 'en',
    dissemination: { kind: 'addressees-only' },
    kind: 'report',
    period,
    body: { asOf: `${period}-01-01`, contingents: [{ deployingState, location: 'Training ground', strength: 120, mission: 'training' }] },
  };
}
