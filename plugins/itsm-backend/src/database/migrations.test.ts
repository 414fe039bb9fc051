import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@openitsm/backstage-plugin-itsm-backend',
  'migrations',
);

const names = [
  'itsm_sequences',
  'itsm_incidents',
  'itsm_incident_services',
  'itsm_timeline_events',
  'itsm_oncall_schedules',
  'itsm_escalation_policies',
  'itsm_escalation_steps',
  'itsm_changes',
  'itsm_change_services',
  'itsm_change_approvals',
  'itsm_change_events',
];

async function tables(knex: Knex) {
  const present = await Promise.all(names.map(n => knex.schema.hasTable(n)));
  return names.filter((_, i) => present[i]);
}

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'go up and down with data in the tables on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      expect(await tables(knex)).toEqual(names);

      await knex('itsm_incidents').insert({
        id: '11111111-1111-4111-8111-111111111111',
        ref: 'INC-1001',
        title: 'Kept across a migration run',
        description: '',
        primary_service: 'component:default/ledger',
        category: 'availability',
        impact: 'high',
        urgency: 'high',
        priority: 'P1',
        status: 'new',
        reporter: 'user:default/alice',
        source: 'portal',
        detected_at: new Date('2026-11-01T00:00:00Z'),
        created_at: new Date('2026-11-01T00:00:00Z'),
        updated_at: new Date('2026-11-01T00:00:00Z'),
      });
      await knex('itsm_incident_services').insert({
        incident_id: '11111111-1111-4111-8111-111111111111',
        entity_ref: 'component:default/ledger',
        is_primary: true,
        detected_at: new Date('2026-11-01T00:00:00Z'),
        status: 'new',
      });
      await knex('itsm_timeline_events').insert({
        incident_id: '11111111-1111-4111-8111-111111111111',
        type: 'created',
        actor: 'user:default/alice',
        at: new Date('2026-11-01T00:00:00Z'),
        message: 'Reported',
      });
      await knex('itsm_changes').insert({
        id: '22222222-2222-4222-8222-222222222222',
        ref: 'CHG-1001',
        title: 'Kept across a migration run',
        description: '',
        type: 'normal',
        risk: 'high',
        status: 'new',
        primary_service: 'component:default/ledger',
        requester: 'user:default/alice',
        planned_start: new Date('2026-12-01T10:00:00Z'),
        planned_end: new Date('2026-12-01T11:00:00Z'),
        implementation_plan: '',
        backout_plan: '',
        test_plan: '',
        created_at: new Date('2026-11-01T00:00:00Z'),
        updated_at: new Date('2026-11-01T00:00:00Z'),
      });
      await knex('itsm_change_services').insert({
        change_id: '22222222-2222-4222-8222-222222222222',
        entity_ref: 'component:default/ledger',
        is_primary: true,
        planned_start: new Date('2026-12-01T10:00:00Z'),
        planned_end: new Date('2026-12-01T11:00:00Z'),
        status: 'new',
      });
      await knex('itsm_change_approvals').insert({
        change_id: '22222222-2222-4222-8222-222222222222',
        round: 1,
        approver: 'user:default/carol',
        decision: 'approved',
        at: new Date('2026-11-02T00:00:00Z'),
      });
      await knex('itsm_change_events').insert({
        change_id: '22222222-2222-4222-8222-222222222222',
        type: 'created',
        actor: 'user:default/alice',
        at: new Date('2026-11-01T00:00:00Z'),
        message: 'Requested',
      });
      await knex('itsm_oncall_schedules').insert({
        id: '22222222-2222-4222-8222-222222222222',
        name: 'sre-primary',
        owner_group: 'group:default/sre',
        timezone: 'Europe/Paris',
        layers_json: '[]',
        overrides_json: '[]',
        created_at: new Date('2026-11-01T00:00:00Z'),
        updated_at: new Date('2026-11-01T00:00:00Z'),
      });
      await knex('itsm_escalation_steps').insert({
        incident_id: '11111111-1111-4111-8111-111111111111',
        step: 'unacknowledged:0',
        fired_at: new Date('2026-11-01T00:05:00Z'),
      });
      // Running latest again is a no-op that keeps the data
      await knex.migrate.latest({ directory });
      expect(await knex('itsm_incidents').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      expect(
        Number(
          (await knex('itsm_timeline_events').count({ n: '*' }).first())!.n,
        ),
      ).toBe(1);

      await knex.migrate.rollback({ directory }, true);
      expect(await tables(knex)).toEqual([]);

      await knex.migrate.latest({ directory });
      expect(await tables(knex)).toEqual(names);
      const [{ value }] = await knex('itsm_sequences').where({
        name: 'incident',
      });
      expect(Number(value)).toBe(1000);
      const [change] = await knex('itsm_sequences').where({ name: 'change' });
      expect(Number(change.value)).toBe(1000);
      await knex.destroy();
    },
  );
});
