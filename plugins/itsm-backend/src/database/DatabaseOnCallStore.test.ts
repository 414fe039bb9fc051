import { ConflictError, NotFoundError } from '@backstage/errors';
import { OnCallLayer } from '@openitsm/backstage-plugin-itsm-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { DatabaseOnCallStore } from './DatabaseOnCallStore';
import { IncidentFields } from './IncidentStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const AT = '2026-11-20T12:00:00.000Z';

const primary: OnCallLayer = {
  name: 'primary',
  users: ['user:default/alice', 'user:default/bob'],
  rotation: { type: 'weekly' },
  handoffTime: '09:00',
  handoffWeekday: 1,
  startDate: '2026-01-05',
};

function newIncident(over: Partial<IncidentFields> = {}): IncidentFields {
  return {
    title: 'Checkout down',
    description: '',
    affectedServices: ['component:default/checkout'],
    category: 'availability',
    impact: 'high',
    urgency: 'high',
    priority: 'P1',
    status: 'new',
    reporter: 'user:default/alice',
    source: 'portal',
    detectedAt: '2026-11-20T11:00:00.000Z',
    assignedGroup: 'group:default/payments-team',
    major: false,
    reopenCount: 0,
    ...over,
  };
}

describe.each(databases.eachSupportedId())(
  'on-call store on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const database = { getClient: async () => knex };
      const incidents = await DatabaseIncidentStore.create({ database });
      const oncall = await DatabaseOnCallStore.create({ database });
      return { knex, incidents, oncall };
    }

    it('stores schedules by owner group, with unique names and versions', async () => {
      const { oncall } = await setup();
      const created = await oncall.createSchedule(
        {
          name: 'payments',
          ownerGroup: 'group:default/payments-team',
          timezone: 'Europe/Paris',
          layers: [primary],
          overrides: [],
        },
        AT,
      );
      expect(created).toMatchObject({ name: 'payments', version: 1 });
      await oncall.createSchedule(
        {
          name: 'sre',
          ownerGroup: 'group:default/sre',
          timezone: 'UTC',
          layers: [primary],
          overrides: [],
        },
        AT,
      );
      await expect(
        oncall.createSchedule(
          {
            name: 'payments',
            ownerGroup: 'group:default/sre',
            timezone: 'UTC',
            layers: [primary],
            overrides: [],
          },
          AT,
        ),
      ).rejects.toThrow(ConflictError);

      expect(
        (await oncall.listSchedules({ ownerGroup: 'group:default/sre' })).map(
          s => s.name,
        ),
      ).toEqual(['sre']);
      expect((await oncall.getSchedule('payments'))?.id).toBe(created.id);
      expect((await oncall.getSchedule(created.id))?.layers).toEqual([primary]);

      const override = {
        layer: 'primary',
        user: 'user:default/carol',
        from: '2026-11-20T18:00:00.000Z',
        to: '2026-11-21T08:00:00.000Z',
        reason: 'I take Friday night',
      };
      const updated = await oncall.updateSchedule(
        created.id,
        1,
        { overrides: [override] },
        AT,
      );
      expect(updated).toMatchObject({ version: 2, overrides: [override] });
      await expect(
        oncall.updateSchedule(created.id, 1, { timezone: 'UTC' }, AT),
      ).rejects.toThrow(/changed by someone else/);
      expect((await oncall.getSchedule(created.id))?.timezone).toBe(
        'Europe/Paris',
      );
    });

    it('creates and replaces escalation policies with versions', async () => {
      const { oncall } = await setup();
      const group = 'group:default/payments-team';
      const levels = [
        {
          afterMinutes: 0,
          targets: [{ type: 'user' as const, userRef: 'user:default/alice' }],
        },
      ];
      const created = await oncall.putEscalationPolicy(
        {
          groupRef: group,
          levels,
          reassignOnBreach: true,
          notifyParentOnSla: false,
        },
        undefined,
        AT,
      );
      expect(created).toMatchObject({ version: 1, reassignOnBreach: true });
      await expect(
        oncall.putEscalationPolicy(
          {
            groupRef: group,
            levels,
            reassignOnBreach: false,
            notifyParentOnSla: false,
          },
          undefined,
          AT,
        ),
      ).rejects.toThrow(ConflictError);
      const replaced = await oncall.putEscalationPolicy(
        {
          groupRef: group,
          levels: [],
          reassignOnBreach: false,
          notifyParentOnSla: true,
        },
        1,
        AT,
      );
      expect(replaced).toMatchObject({
        version: 2,
        levels: [],
        notifyParentOnSla: true,
      });
      await expect(
        oncall.putEscalationPolicy(
          {
            groupRef: group,
            levels,
            reassignOnBreach: false,
            notifyParentOnSla: false,
          },
          1,
          AT,
        ),
      ).rejects.toThrow(/changed by someone else/);
      await expect(
        oncall.putEscalationPolicy(
          {
            groupRef: 'group:default/none',
            levels,
            reassignOnBreach: false,
            notifyParentOnSla: false,
          },
          3,
          AT,
        ),
      ).rejects.toThrow(NotFoundError);
      expect([
        ...(
          await oncall.getEscalationPolicies([group, 'group:default/x'])
        ).keys(),
      ]).toEqual([group]);
    });

    it('fires each escalation step once, even when two writers race', async () => {
      const { knex, incidents, oncall } = await setup();
      const incident = await incidents.createIncident(newIncident(), [], AT);
      const event = {
        type: 'escalated' as const,
        actor: 'plugin:itsm/escalation',
        message: 'Paged level 1',
      };
      const candidates = await oncall.findEscalationCandidates({
        unacknowledgedBefore: AT,
        limit: 10,
      });
      expect(candidates.map(c => c.ref)).toEqual([incident.ref]);

      const results = await Promise.all([
        oncall.fireEscalationStep(incident.id, 'unacknowledged:0', event, AT),
        oncall.fireEscalationStep(incident.id, 'unacknowledged:0', event, AT),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(
        await oncall.fireEscalationStep(
          incident.id,
          'unacknowledged:0',
          event,
          AT,
        ),
      ).toBe(false);

      const reassigned = await oncall.fireEscalationStep(
        incident.id,
        'sla:resolution:breach',
        { ...event, message: 'Reassigned' },
        AT,
        { assignedGroup: 'group:default/sre', assignee: 'user:default/ivan' },
      );
      expect(reassigned).toBe(true);
      expect(await incidents.getIncident(incident.id)).toMatchObject({
        assignedGroup: 'group:default/sre',
        assignee: 'user:default/ivan',
        version: 2,
      });
      const timeline = await knex('itsm_timeline_events').where({
        incident_id: incident.id,
        type: 'escalated',
      });
      expect(timeline).toHaveLength(2);
      const [candidate] = await oncall.findEscalationCandidates({
        unacknowledgedBefore: AT,
        limit: 10,
      });
      expect(candidate.firedSteps.sort()).toEqual([
        'sla:resolution:breach',
        'unacknowledged:0',
      ]);
    });

    it('looks only at open incidents that are unacknowledged or have SLA marks', async () => {
      const { incidents, oncall } = await setup();
      await incidents.createIncident(
        newIncident({ title: 'acknowledged', status: 'acknowledged' }),
        [],
        AT,
      );
      await incidents.createIncident(
        newIncident({ title: 'later', detectedAt: '2026-11-20T12:30:00.000Z' }),
        [],
        AT,
      );
      await incidents.createIncident(
        newIncident({ title: 'closed', status: 'closed' }),
        [],
        AT,
      );
      const due = await incidents.createIncident(
        newIncident({ title: 'due' }),
        [],
        AT,
      );
      const found = await oncall.findEscalationCandidates({
        unacknowledgedBefore: AT,
        limit: 10,
      });
      expect(found.map(c => c.id)).toEqual([due.id]);
    });

    it('finds the schedules that name a user, in a layer or an override, matching the ref exactly', async () => {
      const { oncall } = await setup();
      const schedule = (name: string, users: string[], override?: string) =>
        oncall.createSchedule(
          {
            name,
            ownerGroup: 'group:default/sre',
            timezone: 'UTC',
            layers: [{ ...primary, users }],
            overrides: override
              ? [{ layer: 'primary', user: override, from: AT, to: AT }]
              : [],
          },
          AT,
        );
      await schedule('rotation', ['user:default/a_b']);
      await schedule('override', ['user:default/carol'], 'user:default/a_b');
      await schedule('lookalikes', ['user:default/axb', 'user:default/a_bc']);
      const named = await oncall.listSchedulesNaming('user:default/a_b');
      expect(named.map(s => s.name)).toEqual(['override', 'rotation']);
      expect(await oncall.listSchedulesNaming('user:default/a%')).toEqual([]);
    });
  },
);
