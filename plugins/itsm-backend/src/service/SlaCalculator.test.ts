import { DEFAULT_SLA_CONFIG } from '@openitsm/backstage-plugin-itsm-common';
import { SlaCalculator } from './SlaCalculator';

const sla = new SlaCalculator(DEFAULT_SLA_CONFIG);
const HOUR = 3600_000;

describe('SlaCalculator: business time to resolve', () => {
  it.each([
    // P3 counts on the business calendar (Mon–Fri 09:00–17:00 UTC):
    // Friday 16:00 to Monday 10:00 is 66 h of wall clock, 2 h of business
    ['P3', '2026-03-06T16:00:00Z', '2026-03-09T10:00:00Z', [], 2 * HOUR],
    // … and a hold on Monday 09:00–09:30 is left out
    [
      'P3',
      '2026-03-06T16:00:00Z',
      '2026-03-09T10:00:00Z',
      [{ from: '2026-03-09T09:00:00Z', to: '2026-03-09T09:30:00Z' }],
      1.5 * HOUR,
    ],
    // P1 counts around the clock: business time is wall time
    ['P1', '2026-03-06T16:00:00Z', '2026-03-09T10:00:00Z', [], 66 * HOUR],
  ] as const)(
    '%s detected %s, resolved %s, holds %j: %p ms',
    (priority, detectedAt, resolvedAt, pauses, expected) => {
      const stored = sla.compute({
        priority,
        detectedAt,
        pauses: [...pauses],
        now: resolvedAt,
        resolvedAt,
      });
      expect(stored.resolutionBusinessMs).toBe(expected);
    },
  );

  it('records nothing while the incident is unresolved', () => {
    expect(
      sla.compute({
        priority: 'P3',
        detectedAt: '2026-03-06T16:00:00Z',
        pauses: [],
        now: '2026-03-09T10:00:00Z',
      }).resolutionBusinessMs,
    ).toBeNull();
  });
});
