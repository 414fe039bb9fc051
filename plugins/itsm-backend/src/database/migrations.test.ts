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
  'itsm_problems',
  'itsm_problem_services',
  'itsm_workarounds',
  'itsm_workaround_services',
  'itsm_workaround_uses',
  'itsm_problem_proposals',
  'itsm_problem_events',
  'itsm_oncall_schedules',
  'itsm_escalation_policies',
  'itsm_escalation_steps',
  'itsm_changes',
  'itsm_change_services',
  'itsm_change_approvals',
  'itsm_change_events',
  'itsm_alerts',
  'itsm_major_incidents',
  'itsm_incident_roles',
  'itsm_incident_subscribers',
  'itsm_service_subscribers',
  'itsm_stakeholder_updates',
  'itsm_reviews',
  'itsm_action_items',
  'itsm_kpi_daily',
  'itsm_kpi_group_daily',
  'itsm_kpi_service_daily',
  'itsm_kpi_rollup_state',
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
      await knex('itsm_problems').insert({
        id: '22222222-2222-4222-8222-222222222222',
        ref: 'PRB-1001',
        title: 'Ledger keeps falling over',
        description: '',
        status: 'new',
        created_by: 'user:default/alice',
        created_at: new Date('2026-11-02T00:00:00Z'),
        updated_at: new Date('2026-11-02T00:00:00Z'),
      });
      await knex('itsm_incidents')
        .where({ id: '11111111-1111-4111-8111-111111111111' })
        .update({ problem_id: '22222222-2222-4222-8222-222222222222' });
      await knex('itsm_problem_services').insert({
        problem_id: '22222222-2222-4222-8222-222222222222',
        entity_ref: 'component:default/ledger',
        added_by_hand: false,
      });
      await knex('itsm_workarounds').insert({
        id: '33333333-3333-4333-8333-333333333333',
        ref: 'WA-1001',
        problem_id: '22222222-2222-4222-8222-222222222222',
        title: 'Restart the ledger',
        steps: 'kubectl rollout restart',
        status: 'active',
        created_by: 'user:default/alice',
        created_at: new Date('2026-11-02T00:00:00Z'),
        updated_at: new Date('2026-11-02T00:00:00Z'),
      });
      await knex('itsm_workaround_services').insert({
        workaround_id: '33333333-3333-4333-8333-333333333333',
        entity_ref: 'component:default/ledger',
        status: 'active',
      });
      await knex('itsm_workaround_uses').insert({
        workaround_id: '33333333-3333-4333-8333-333333333333',
        incident_id: '11111111-1111-4111-8111-111111111111',
        actor: 'user:default/alice',
        at: new Date('2026-11-02T00:00:00Z'),
      });
      await knex('itsm_problem_proposals').insert({
        id: '44444444-4444-4444-8444-444444444444',
        set_key: 'a'.repeat(64),
        entity_ref: 'component:default/ledger',
        reason: 'major',
        title: 'Root cause of INC-1001',
        summary: 'P1',
        incident_ids: '["11111111-1111-4111-8111-111111111111"]',
        status: 'open',
        created_at: new Date('2026-11-02T00:00:00Z'),
      });
      await knex('itsm_problem_events').insert({
        subject_kind: 'problem',
        subject_id: '22222222-2222-4222-8222-222222222222',
        type: 'created',
        actor: 'user:default/alice',
        at: new Date('2026-11-02T00:00:00Z'),
        message: 'Opened',
      });
      await knex('itsm_alerts').insert({
        id: '55555555-5555-4555-8555-555555555555',
        source: 'alertmanager',
        dedup_key: '1a30ba71cca2921f',
        incident_id: '11111111-1111-4111-8111-111111111111',
        entity_ref: 'component:default/ledger',
        status: 'firing',
        title: 'Ledger down',
        description: '',
        labels_json: '{}',
        annotations_json: '{}',
        links_json: '{}',
        received_count: 3,
        first_seen_at: new Date('2026-11-01T00:00:00Z'),
        last_seen_at: new Date('2026-11-01T00:05:00Z'),
      });
      // One row per (source, dedup key)
      await expect(
        knex('itsm_alerts')
          .insert({
            id: '66666666-6666-4666-8666-666666666666',
            source: 'alertmanager',
            dedup_key: '1a30ba71cca2921f',
            status: 'firing',
            title: 'Ledger down',
            description: '',
            labels_json: '{}',
            annotations_json: '{}',
            links_json: '{}',
            first_seen_at: new Date('2026-11-01T00:00:00Z'),
            last_seen_at: new Date('2026-11-01T00:05:00Z'),
          })
          .then(),
      ).rejects.toBeTruthy();
      await knex('itsm_major_incidents').insert({
        incident_id: '11111111-1111-4111-8111-111111111111',
        declared_at: new Date('2026-11-01T00:10:00Z'),
        declared_by: 'user:default/alice',
        reason: 'Ledger down',
        next_update_due_at: new Date('2026-11-01T00:40:00Z'),
      });
      await knex('itsm_incident_roles').insert({
        incident_id: '11111111-1111-4111-8111-111111111111',
        role: 'commander',
        user_ref: 'user:default/alice',
      });
      await knex('itsm_incident_subscribers').insert({
        incident_id: '11111111-1111-4111-8111-111111111111',
        subscriber_ref: 'group:default/sre',
        source: 'owner',
        created_at: new Date('2026-11-01T00:10:00Z'),
      });
      await knex('itsm_service_subscribers').insert({
        entity_ref: 'component:default/ledger',
        subscriber_ref: 'user:default/bob',
        created_at: new Date('2026-11-01T00:10:00Z'),
      });
      await knex('itsm_stakeholder_updates').insert({
        incident_id: '11111111-1111-4111-8111-111111111111',
        stage: 'investigating',
        message: 'Payments are failing',
        actor: 'user:default/alice',
        at: new Date('2026-11-01T00:12:00Z'),
        recipient_count: 3,
      });
      await expect(
        knex('itsm_stakeholder_updates')
          .update({ message: 'rewritten' })
          .then(),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      await knex('itsm_reviews').insert({
        id: '55555555-5555-4555-8555-555555555555',
        incident_id: '11111111-1111-4111-8111-111111111111',
        status: 'draft',
        sections_json: '{"summary":"Ledger fell over"}',
        reviewers_json: '[]',
        approvals_json: '[]',
        created_by: 'user:default/alice',
        created_at: new Date('2026-11-03T00:00:00Z'),
        updated_at: new Date('2026-11-03T00:00:00Z'),
      });
      await knex('itsm_action_items').insert({
        id: '66666666-6666-4666-8666-666666666666',
        ref: 'ACT-1001',
        title: 'Alert on ledger saturation',
        owner: 'group:default/sre',
        due_date: '2026-11-20',
        status: 'open',
        incident_id: '11111111-1111-4111-8111-111111111111',
        review_id: '55555555-5555-4555-8555-555555555555',
        created_by: 'user:default/alice',
        created_at: new Date('2026-11-03T00:00:00Z'),
        updated_at: new Date('2026-11-03T00:00:00Z'),
      });
      // The problem audit trail refuses edits, like the incident timeline
      await expect(
        knex('itsm_problem_events').update({ message: 'rewritten' }).then(),
        // toThrow misreads driver errors from another realm; match the message
      ).rejects.toMatchObject({
        message: expect.stringMatching(/append-only/),
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
      const [problem] = await knex('itsm_sequences').where({
        name: 'problem',
      });
      expect(Number(problem.value)).toBe(1000);
      const [change] = await knex('itsm_sequences').where({ name: 'change' });
      expect(Number(change.value)).toBe(1000);
      const [actionItem] = await knex('itsm_sequences').where({
        name: 'action_item',
      });
      expect(Number(actionItem.value)).toBe(1000);
      await knex.destroy();
    },
  );
});
