import { mockServices } from '@backstage/backend-test-utils';
import { Priority } from '@openitsm/backstage-plugin-itsm-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SlaMonitor } from '../service/SlaMonitor';
import { IncidentEventPublisher } from '../service/IncidentEventPublisher';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { DatabaseSlaStore } from './DatabaseSlaStore';
import { IncidentFields } from './IncidentStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const NOW = '2026-11-20T12:00:00.000Z';

/** An incident with hand-set SLA due times and stop times. */
function incident(
  title: string,
  priority: Priority,
  o: {
    status?: IncidentFields['status'];
    responseDue: string;
    resolutionDue: string;
    acknowledgedAt?: string;
    resolvedAt?: string;
    service?: string;
  },
): IncidentFields {
  const target = (dueAt: string) => ({
    targetMinutes: 60,
    calendar: '24x7',
    dueAt,
    // warning an hour before due, so running clocks past due are warned too
    warningAt: new Date(Date.parse(dueAt) - 3600_000).toISOString(),
  });
  return {
    title,
    description: '',
    affectedServices: [o.service ?? 'component:default/svc'],
    category: 'availability',
    impact: 'high',
    urgency: 'high',
    priority,
    status: o.status ?? 'closed',
    reporter: 'user:default/alice',
    source: 'portal',
    detectedAt: '2026-10-01T00:00:00.000Z',
    acknowledgedAt: o.acknowledgedAt,
    resolvedAt: o.resolvedAt,
    major: false,
    reopenCount: 0,
    sla: {
      policy: 'default',
      pauses: [],
      response: target(o.responseDue),
      resolution: target(o.resolutionDue),
    },
  };
}

// Hand-computed fixture, evaluated at NOW over [2026-10-01, 2026-12-01):
//   A P1  response met       resolution met
//   B P2  response breached  resolution breached
//   C P3  response breached  resolution breached (still running, past due)
//   D P3  response met       resolution not counted (on hold)
//   E P3  cancelled: never counted
//   F P4  response met       resolution met   (October)
//   G P5  response met       resolution not due yet
//   H P2  response breached  resolution met   (other service)
const FIXTURE: IncidentFields[] = [
  incident('A', 'P1', {
    responseDue: '2026-11-02T10:15:00.000Z',
    acknowledgedAt: '2026-11-02T10:10:00.000Z',
    resolutionDue: '2026-11-02T14:00:00.000Z',
    resolvedAt: '2026-11-02T13:00:00.000Z',
  }),
  incident('B', 'P2', {
    responseDue: '2026-11-03T11:30:00.000Z',
    acknowledgedAt: '2026-11-03T11:45:00.000Z',
    resolutionDue: '2026-11-03T19:00:00.000Z',
    resolvedAt: '2026-11-03T20:00:00.000Z',
  }),
  incident('C', 'P3', {
    status: 'new',
    responseDue: '2026-11-10T09:00:00.000Z',
    resolutionDue: '2026-11-12T09:00:00.000Z',
  }),
  incident('D', 'P3', {
    status: 'on_hold',
    responseDue: '2026-11-11T09:00:00.000Z',
    acknowledgedAt: '2026-11-11T08:00:00.000Z',
    resolutionDue: '2026-11-13T09:00:00.000Z',
  }),
  incident('E', 'P3', {
    status: 'cancelled',
    responseDue: '2026-11-11T09:00:00.000Z',
    resolutionDue: '2026-11-13T09:00:00.000Z',
  }),
  incident('F', 'P4', {
    responseDue: '2026-10-05T09:00:00.000Z',
    acknowledgedAt: '2026-10-05T08:00:00.000Z',
    resolutionDue: '2026-10-09T09:00:00.000Z',
    resolvedAt: '2026-10-08T09:00:00.000Z',
  }),
  incident('G', 'P5', {
    status: 'in_progress',
    responseDue: '2026-11-18T09:00:00.000Z',
    acknowledgedAt: '2026-11-18T08:00:00.000Z',
    resolutionDue: '2026-11-25T09:00:00.000Z',
  }),
  incident('H', 'P2', {
    service: 'component:default/other',
    responseDue: '2026-11-04T09:00:00.000Z',
    acknowledgedAt: '2026-11-04T10:00:00.000Z',
    resolutionDue: '2026-11-05T09:00:00.000Z',
    resolvedAt: '2026-11-05T08:00:00.000Z',
  }),
];

const c = (met: number, breached: number) => ({
  met,
  breached,
  compliance: met + breached ? met / (met + breached) : null,
});

describe.each(databases.eachSupportedId())('SLA store on %p', databaseId => {
  async function setup() {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex };
    const incidents = await DatabaseIncidentStore.create({ database });
    const sla = await DatabaseSlaStore.create({ database });
    return { knex, incidents, sla };
  }

  const period = {
    from: '2026-10-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    now: NOW,
  };

  it('computes compliance for the estate, a service, per month and per priority', async () => {
    const { incidents, sla } = await setup();
    for (const fields of FIXTURE) {
      await incidents.createIncident(fields, [], '2026-10-01T00:00:00.000Z');
    }

    const estate = await sla.compliance(period);
    expect(estate.response).toEqual(c(4, 3));
    expect(estate.resolution).toEqual(c(3, 2));

    const service = await sla.compliance({
      ...period,
      entityRef: 'component:default/svc',
    });
    expect(service.response).toEqual(c(4, 2));
    expect(service.resolution).toEqual(c(2, 2));

    const monthly = await sla.compliance({ ...period, groupBy: 'month' });
    expect(monthly.groups).toEqual([
      { key: '2026-10', response: c(1, 0), resolution: c(1, 0) },
      { key: '2026-11', response: c(3, 3), resolution: c(2, 2) },
    ]);

    const byPriority = await sla.compliance({ ...period, groupBy: 'priority' });
    expect(byPriority.groups).toEqual([
      { key: 'P1', response: c(1, 0), resolution: c(1, 0) },
      { key: 'P2', response: c(0, 2), resolution: c(1, 1) },
      { key: 'P3', response: c(1, 1), resolution: c(0, 1) },
      { key: 'P4', response: c(1, 0), resolution: c(1, 0) },
      { key: 'P5', response: c(1, 0), resolution: c(0, 0) },
    ]);

    const empty = await sla.compliance({
      ...period,
      entityRef: 'component:default/quiet',
    });
    expect(empty.response).toEqual(c(0, 0));
    expect(empty.response.compliance).toBeNull();
  });

  it('records each warning and breach once, even when the monitor runs twice or concurrently', async () => {
    const { knex, incidents, sla } = await setup();
    const running = await incidents.createIncident(
      incident('running late', 'P3', {
        status: 'in_progress',
        acknowledgedAt: '2026-11-19T08:00:00.000Z',
        responseDue: '2026-11-19T09:00:00.000Z',
        resolutionDue: '2026-11-20T11:00:00.000Z',
      }),
      [],
      '2026-11-19T00:00:00.000Z',
    );
    const paused = await incidents.createIncident(
      incident('on hold', 'P3', {
        status: 'on_hold',
        acknowledgedAt: '2026-11-19T08:00:00.000Z',
        responseDue: '2026-11-19T09:00:00.000Z',
        resolutionDue: '2026-11-20T11:00:00.000Z',
      }),
      [],
      '2026-11-19T00:00:00.000Z',
    );
    const published: string[] = [];
    const monitor = new SlaMonitor(
      sla,
      incidents,
      new IncidentEventPublisher(
        [
          {
            id: 'recorder',
            onIncidentEvent: async e => {
              published.push(`${e.type} ${e.incident.ref}`);
            },
          },
        ],
        mockServices.logger.mock(),
      ),
      mockServices.logger.mock(),
    );

    const [first, second] = await Promise.all([
      monitor.run(NOW),
      monitor.run(NOW),
    ]);
    const third = await monitor.run(NOW);
    expect(first + second).toBe(2); // resolution warning + breach of the running one
    expect(third).toBe(0);

    const events = await knex('itsm_timeline_events').orderBy('id');
    expect(events.map(e => [e.incident_id, e.type])).toEqual([
      [running.id, 'sla_warning'],
      [running.id, 'sla_breached'],
    ]);
    expect(published).toEqual([
      `incident.sla ${running.ref}`,
      `incident.sla ${running.ref}`,
    ]);
    expect(paused.sla?.resolution.state).toBe('paused');

    const reread = await incidents.getIncident(running.id);
    expect(reread?.sla?.resolution).toMatchObject({
      state: 'breached',
      breachedAt: NOW,
      warnedAt: NOW,
    });
  });
});
