import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { DatabaseMajorIncidentStore } from '../database/DatabaseMajorIncidentStore';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { IncidentFields } from '../database/IncidentStore';
import { IncidentNotice } from './majorIncidentNotifier';
import { StakeholderUpdateReminder } from './StakeholderUpdateReminder';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DECLARED = '2026-11-29T10:00:00.000Z';
const minutesAfter = (m: number) =>
  new Date(Date.parse(DECLARED) + m * 60_000).toISOString();

const fields = (title: string): IncidentFields => ({
  title,
  description: '',
  affectedServices: ['component:default/ledger'],
  category: 'availability',
  impact: 'high',
  urgency: 'high',
  priority: 'P1',
  status: 'in_progress',
  reporter: 'user:default/alice',
  source: 'portal',
  detectedAt: DECLARED,
  assignee: 'user:default/carol',
  major: false,
  reopenCount: 0,
});

/** One backend replica: its own stores and reminder on a connection. */
async function replica(knex: Knex, notices: IncidentNotice[]) {
  const database = { getClient: async () => knex };
  const incidents = await DatabaseIncidentStore.create({ database });
  const majors = await DatabaseMajorIncidentStore.create({ database });
  const steps = await DatabaseOnCallStore.create({ database });
  const reminder = new StakeholderUpdateReminder({
    store: majors,
    steps,
    notifier: { notify: async n => void notices.push(n) },
    logger: mockServices.logger.mock(),
  });
  return { incidents, majors, reminder };
}

async function declared(
  r: Awaited<ReturnType<typeof replica>>,
  title: string,
  roles: Array<{ role: string; userRef: string }>,
) {
  const incident = await r.incidents.createIncident(
    fields(title),
    [],
    DECLARED,
  );
  await r.majors.declare({
    incidentId: incident.id,
    version: incident.version,
    actor: 'user:default/alice',
    reason: 'Down',
    nextUpdateDueAt: minutesAfter(30),
    subscribers: [],
    events: [],
    at: DECLARED,
  });
  await r.majors.setRoles({ incidentId: incident.id, roles, at: DECLARED });
  return incident;
}

describe.each(databases.eachSupportedId())(
  'stakeholder update reminders on %p',
  databaseId => {
    it('reminds the communications lead once per due time, else the commander or assignee', async () => {
      const knex = await databases.init(databaseId);
      const notices: IncidentNotice[] = [];
      const r = await replica(knex, notices);
      const a = await declared(r, 'A', [
        { role: 'commander', userRef: 'user:default/alice' },
        { role: 'communications', userRef: 'user:default/bob' },
      ]);
      await declared(r, 'B', [
        { role: 'commander', userRef: 'user:default/alice' },
      ]);
      await declared(r, 'C', []);

      expect(await r.reminder.run(minutesAfter(29))).toBe(0);
      expect(await r.reminder.run(minutesAfter(31))).toBe(3);
      expect(await r.reminder.run(minutesAfter(45))).toBe(0);
      expect(notices.map(n => n.recipients)).toEqual([
        ['user:default/bob'],
        ['user:default/alice'],
        ['user:default/carol'],
      ]);

      // A new update moves the due time: one more reminder when it passes
      await r.majors.addStakeholderUpdate({
        incidentId: a.id,
        update: {
          stage: 'identified',
          message: 'Failing over',
          actor: 'user:default/bob',
          recipientCount: 0,
        },
        nextUpdateDueAt: minutesAfter(60),
        at: minutesAfter(30),
      });
      expect(await r.reminder.run(minutesAfter(50))).toBe(0);
      expect(await r.reminder.run(minutesAfter(61))).toBe(1);
      expect(notices).toHaveLength(4);
      const events = await knex('itsm_timeline_events')
        .where({ incident_id: a.id, type: 'update_reminder' })
        .orderBy('id');
      expect(events.map(e => e.message)).toEqual([
        `Stakeholder update overdue since ${minutesAfter(
          30,
        )}: reminded user:default/bob`,
        `Stakeholder update overdue since ${minutesAfter(
          60,
        )}: reminded user:default/bob`,
      ]);
      await knex.destroy();
    });

    it('sends each reminder once when two replicas run at the same time', async () => {
      const knex = await databases.init(databaseId);
      // A second pool to the same database, as another replica has; an
      // in-memory SQLite database cannot be shared, so both use one there.
      const isSqlite = databaseId.startsWith('SQLITE');
      const other = isSqlite ? knex : knexFactory(knex.client.config);
      const notices: IncidentNotice[] = [];
      const a = await replica(knex, notices);
      const b = await replica(other, notices);
      for (let i = 0; i < 6; i++) {
        await declared(a, `#${i}`, [
          { role: 'communications', userRef: 'user:default/bob' },
        ]);
      }
      const sent = await Promise.all([
        a.reminder.run(minutesAfter(31)),
        b.reminder.run(minutesAfter(31)),
        a.reminder.run(minutesAfter(32)),
        b.reminder.run(minutesAfter(32)),
      ]);
      expect(sent.reduce((x, y) => x + y, 0)).toBe(6);
      expect(notices).toHaveLength(6);
      const [{ n }] = await knex('itsm_timeline_events')
        .where({ type: 'update_reminder' })
        .count({ n: '*' });
      expect(Number(n)).toBe(6);
      if (!isSqlite) await other.destroy();
      await knex.destroy();
    });

    it('keeps withdrawn and resolved incidents out', async () => {
      const knex = await databases.init(databaseId);
      const notices: IncidentNotice[] = [];
      const r = await replica(knex, notices);
      const withdrawn = await declared(r, 'W', []);
      await r.majors.withdraw({
        incidentId: withdrawn.id,
        version: 2,
        actor: 'user:default/alice',
        reason: 'Not major',
        event: {
          type: 'major_withdrawn',
          actor: 'user:default/alice',
          message: 'w',
        },
        at: minutesAfter(5),
      });
      const resolved = await declared(r, 'R', []);
      await r.incidents.updateIncident(
        resolved.id,
        2,
        { status: 'resolved', resolvedAt: minutesAfter(10) },
        [],
        minutesAfter(10),
      );
      expect(await r.reminder.run(minutesAfter(40))).toBe(0);
      // The latest update of each incident, for the status page
      await r.majors.addStakeholderUpdate({
        incidentId: resolved.id,
        update: {
          stage: 'investigating',
          message: 'first',
          actor: 'a',
          recipientCount: 1,
        },
        at: minutesAfter(1),
      });
      await r.majors.addStakeholderUpdate({
        incidentId: resolved.id,
        update: {
          stage: 'resolved',
          message: 'second',
          actor: 'a',
          recipientCount: 1,
        },
        at: minutesAfter(2),
      });
      const latest = await r.majors.latestStakeholderUpdates([
        resolved.id,
        withdrawn.id,
      ]);
      expect([...latest.values()].map(u => u.message)).toEqual(['second']);
      await knex.destroy();
    });
  },
);
