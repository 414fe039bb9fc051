import fc from 'fast-check';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { DatabaseSlaStore } from './DatabaseSlaStore';
import { IncidentFields } from './IncidentStore';

jest.setTimeout(240_000);

const databases = createTestDatabases();
const MIN = 60_000;
const T0 = Date.parse('2026-01-30T00:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const span = (days: number) => fc.integer({ min: 0, max: days * 24 * 60 });

const incident = fc.record({
  detected: span(40),
  responseAfter: fc.integer({ min: 0, max: 600 }),
  resolutionAfter: fc.integer({ min: 60, max: 4000 }),
  status: fc.constantFrom(
    'new',
    'acknowledged',
    'in_progress',
    'on_hold',
    'resolved',
    'closed',
    'cancelled',
  ) as fc.Arbitrary<IncidentFields['status']>,
  ackAfter: fc.option(fc.integer({ min: 0, max: 900 })),
  resolveAfter: fc.integer({ min: 0, max: 5000 }),
  priority: fc.constantFrom('P1', 'P3') as fc.Arbitrary<
    IncidentFields['priority']
  >,
  services: fc.constantFrom(
    ['component:default/a'],
    ['component:default/b', 'component:default/a'],
  ),
});

const report = fc.record({
  from: span(45),
  length: fc.integer({ min: 1, max: 30 * 24 * 60 }),
  now: span(50),
  groupBy: fc.constantFrom(undefined, 'month', 'priority') as fc.Arbitrary<
    'month' | 'priority' | undefined
  >,
  entityRef: fc.constantFrom(
    undefined,
    'component:default/a',
    'component:default/b',
  ),
});

describe.each(databases.eachSupportedId())(
  'SLA compliance from the rollups on %p',
  databaseId => {
    it('answers what counting the incidents answers', async () => {
      const knex = await databases.init(databaseId);
      const database = { getClient: async () => knex };
      const incidents = await DatabaseIncidentStore.create({ database });
      const sla = await DatabaseSlaStore.create({ database });
      await fc.assert(
        fc.asyncProperty(
          fc.array(incident, { maxLength: 6 }),
          fc.array(report, { minLength: 1, maxLength: 4 }),
          async (created, reports) => {
            for (const c of created) {
              const open = ['new', 'acknowledged', 'in_progress', 'on_hold'];
              const acknowledged =
                c.status !== 'new' && c.ackAfter !== null
                  ? at(c.detected + c.ackAfter)
                  : undefined;
              const resolved = open.includes(c.status)
                ? undefined
                : at(c.detected + c.resolveAfter);
              await incidents.createIncident(
                {
                  title: 't',
                  description: '',
                  affectedServices: [...c.services],
                  category: 'availability',
                  impact: 'high',
                  urgency: 'high',
                  priority: c.priority,
                  status: c.status,
                  reporter: 'user:default/alice',
                  source: 'portal',
                  detectedAt: at(c.detected),
                  acknowledgedAt: acknowledged,
                  resolvedAt: c.status === 'cancelled' ? undefined : resolved,
                  major: false,
                  reopenCount: 0,
                  sla: {
                    policy: 'default',
                    pauses: [],
                    response: {
                      targetMinutes: c.responseAfter,
                      calendar: '24x7',
                      dueAt: at(c.detected + c.responseAfter),
                      warningAt: at(c.detected),
                    },
                    resolution: {
                      targetMinutes: c.resolutionAfter,
                      calendar: '24x7',
                      dueAt: at(c.detected + c.resolutionAfter),
                      warningAt: at(c.detected),
                    },
                  },
                },
                [],
                at(c.detected),
              );
            }
            for (const r of reports) {
              const options = {
                from: at(r.from),
                to: at(r.from + r.length),
                now: at(r.now),
                groupBy: r.groupBy,
                entityRef: r.entityRef,
              };
              expect(await sla.compliance(options)).toEqual(
                await sla.compliance({ ...options, fromIncidents: true }),
              );
            }
          },
        ),
        { numRuns: Number(process.env.FC_RUNS ?? 25) },
      );
    });
  },
);
