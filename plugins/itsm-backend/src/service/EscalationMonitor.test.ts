import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { IncidentFields } from '../database/IncidentStore';
import { EscalationMonitor, EscalationNotifier } from './EscalationMonitor';
import { CachedEntities } from './CachedEntities';
import { OnCallService } from './OnCallService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DETECTED = '2026-11-20T11:00:00.000Z';
const minutesAfter = (m: number) =>
  new Date(Date.parse(DETECTED) + m * 60_000).toISOString();

const group = (
  name: string,
  extra: Partial<Entity['spec']> = {},
  annotations = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', children: [], ...extra },
});
const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName: name, email: `${name}@example.com` } },
});
const catalogEntities = [
  group(
    'payments-team',
    { parent: 'engineering' },
    {
      'openitsm.io/escalates-to': 'group:default/sre',
    },
  ),
  group('engineering'),
  group('sre'),
  user('alice'),
  user('bob'),
  user('ivan'),
];

function incident(over: Partial<IncidentFields> = {}): IncidentFields {
  return {
    title: 'Card payments failing',
    description: '',
    affectedServices: ['component:default/payments-api'],
    category: 'availability',
    impact: 'high',
    urgency: 'high',
    priority: 'P1',
    status: 'new',
    reporter: 'user:default/alice',
    source: 'portal',
    detectedAt: DETECTED,
    assignedGroup: 'group:default/payments-team',
    major: false,
    reopenCount: 0,
    ...over,
  };
}

/** A cache that keeps nothing: every read goes to the catalog. */
function noCache() {
  const cache = mockServices.cache.mock({
    get: async () => undefined,
    set: async () => {},
  });
  cache.withOptions.mockReturnValue(cache);
  return cache;
}

/** What one backend replica builds: its own connection, stores and monitor. */
async function replica(
  knex: Knex,
  notified: Array<{ recipients: string[]; title: string }>,
) {
  const database = { getClient: async () => knex };
  const incidents = await DatabaseIncidentStore.create({ database });
  const store = await DatabaseOnCallStore.create({ database });
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const auth = mockServices.auth();
  const logger = mockServices.logger.mock();
  const oncall = new OnCallService({
    store,
    auth,
    providers: [],
    logger,
    entities: new CachedEntities({ catalog, auth, cache: noCache() }),
  });
  const notifier: EscalationNotifier = {
    notify: async ({ recipients, title }) => {
      notified.push({ recipients, title });
    },
  };
  const monitor = new EscalationMonitor({
    store,
    incidents,
    oncall,
    catalog,
    auth,
    notifier,
    logger,
  });
  return { incidents, store, monitor };
}

async function seedPolicy(store: DatabaseOnCallStore) {
  await store.createSchedule(
    {
      name: 'payments',
      ownerGroup: 'group:default/payments-team',
      timezone: 'UTC',
      layers: [
        {
          name: 'primary',
          users: ['user:default/alice'],
          rotation: { type: 'daily' },
          handoffTime: '09:00',
          startDate: '2026-01-01',
        },
        {
          name: 'secondary',
          users: ['user:default/bob'],
          rotation: { type: 'daily' },
          handoffTime: '09:00',
          startDate: '2026-01-01',
        },
      ],
      overrides: [],
    },
    DETECTED,
  );
  await store.putEscalationPolicy(
    {
      groupRef: 'group:default/payments-team',
      levels: [
        {
          afterMinutes: 0,
          targets: [{ type: 'schedule', schedule: 'payments' }],
        },
        {
          afterMinutes: 15,
          targets: [
            { type: 'schedule', schedule: 'payments', layer: 'secondary' },
          ],
        },
        {
          afterMinutes: 30,
          targets: [{ type: 'group', groupRef: 'group:default/engineering' }],
        },
      ],
      reassignOnBreach: true,
      notifyParentOnSla: true,
    },
    undefined,
    DETECTED,
  );
}

describe.each(databases.eachSupportedId())('escalation on %p', databaseId => {
  it('pages each level once as the incident stays unacknowledged', async () => {
    const knex = await databases.init(databaseId);
    const notified: Array<{ recipients: string[]; title: string }> = [];
    const { incidents, store, monitor } = await replica(knex, notified);
    await seedPolicy(store);
    const created = await incidents.createIncident(incident(), [], DETECTED);

    expect(await monitor.run(minutesAfter(1))).toBe(1);
    expect(await monitor.run(minutesAfter(2))).toBe(0);
    expect(notified.map(n => n.recipients)).toEqual([['user:default/alice']]);

    expect(await monitor.run(minutesAfter(31))).toBe(2);
    expect(await monitor.run(minutesAfter(31))).toBe(0);
    expect(notified.map(n => n.recipients)).toEqual([
      ['user:default/alice'],
      ['user:default/bob'],
      ['group:default/engineering'],
    ]);

    const events = await knex('itsm_timeline_events')
      .where({ incident_id: created.id, type: 'escalated' })
      .orderBy('id');
    expect(events.map(e => e.message)).toEqual([
      'Unacknowledged after 0 min: paged escalation level 1 (user:default/alice)',
      'Unacknowledged after 15 min: paged escalation level 2 (user:default/bob)',
      'Unacknowledged after 30 min: paged escalation level 3 (group:default/engineering)',
    ]);
    await knex.destroy();
  });

  it('escalates an SLA breach functionally and hierarchically, once', async () => {
    const knex = await databases.init(databaseId);
    const notified: Array<{ recipients: string[]; title: string }> = [];
    const { incidents, store, monitor } = await replica(knex, notified);
    await seedPolicy(store);
    const created = await incidents.createIncident(
      incident({ status: 'in_progress', assignee: 'user:default/alice' }),
      [],
      DETECTED,
    );
    await knex('itsm_incidents')
      .where({ id: created.id })
      .update({ resolution_breached_at: knex.fn.now() });

    expect(await monitor.run(minutesAfter(60))).toBe(1);
    expect(await monitor.run(minutesAfter(61))).toBe(0);
    expect(await incidents.getIncident(created.id)).toMatchObject({
      assignedGroup: 'group:default/sre',
      version: 2,
    });
    expect(notified).toHaveLength(1);
    expect(notified[0].recipients).toEqual([
      'user:default/alice',
      'group:default/engineering',
      'group:default/sre',
    ]);
    const [event] = await knex('itsm_timeline_events').where({
      incident_id: created.id,
      type: 'escalated',
    });
    expect(event.message).toBe(
      'SLA resolution breached: notified user:default/alice, group:default/engineering, group:default/sre; escalated to parent group group:default/engineering; reassigned to group:default/sre',
    );
    await knex.destroy();
  });

  it('fires each step once when two replicas run at the same time', async () => {
    const knex = await databases.init(databaseId);
    // A second connection pool to the same database, as another replica has;
    // in-memory SQLite cannot be shared, so both replicas use one pool there.
    const isSqlite = databaseId.startsWith('SQLITE');
    const other = isSqlite ? knex : knexFactory(knex.client.config);
    const notified: Array<{ recipients: string[]; title: string }> = [];
    const a = await replica(knex, notified);
    const b = await replica(other, notified);
    await seedPolicy(a.store);
    for (let i = 0; i < 5; i++) {
      await a.incidents.createIncident(
        incident({ title: `#${i}` }),
        [],
        DETECTED,
      );
    }

    const fired = await Promise.all([
      a.monitor.run(minutesAfter(31)),
      b.monitor.run(minutesAfter(31)),
    ]);
    expect(fired[0] + fired[1]).toBe(15);
    expect(notified).toHaveLength(15);
    const [{ n }] = await knex('itsm_timeline_events')
      .where({ type: 'escalated' })
      .count({ n: '*' });
    expect(Number(n)).toBe(15);
    if (!isSqlite) await other.destroy();
    await knex.destroy();
  });
});
