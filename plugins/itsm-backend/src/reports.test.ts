import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  isoWeekOf,
  kpiDayOf,
  shiftIsoWeek,
} from '@openitsm/backstage-plugin-itsm-common';
import request from 'supertest';
import { itsmPlugin } from './plugin';
import { entities, report } from './__testUtils__/incidentsBackend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

// payments-api is part of the payments system; ledger is in no system.
const system = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'group:default/payments-team' },
  relations: [
    { type: 'hasPart', targetRef: 'component:default/payments-api' },
    { type: 'ownedBy', targetRef: 'group:default/payments-team' },
  ],
};
const catalog = [...entities, system];

describe.each(databases.eachSupportedId())(
  'GET /reports/kpis on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          itsmPlugin,
          catalogServiceMock.factory({ entities: catalog }),
          mockServices.database.factory({ knex }),
        ],
      }));
      // A P2 on payments-api and ledger, resolved by a workaround after a
      // reopen; a P3 on ledger only, acknowledged; a P3 cancelled.
      const p2 = await request(server)
        .post('/api/itsm/incidents')
        .send({ ...report, assignedGroup: 'group:default/payments-team' });
      if (p2.status !== 201) throw new Error(`create: ${p2.status}`);
      const url = `/api/itsm/incidents/${p2.body.id}`;
      let version = p2.body.version;
      const move = async (body: object) => {
        const res = await request(server)
          .patch(url)
          .send({ version, ...body });
        expect(res.status).toBe(200);
        version = res.body.version;
      };
      const major = await request(server)
        .post(`${url}/major`)
        .send({ reason: 'Card payments down' });
      if (major.status !== 200) throw new Error(`major: ${major.status}`);
      version = (await request(server).get(url)).body.version;
      // Two action items of its review: one past due, one not yet
      for (const dueDate of ['2020-01-01', '2099-01-01']) {
        const item = await request(server)
          .post('/api/itsm/action-items')
          .send({
            title: `Follow-up due ${dueDate}`,
            owner: 'group:default/payments-team',
            dueDate,
            incident: p2.body.id,
          });
        if (item.status !== 201) throw new Error(`item: ${item.status}`);
      }
      await move({ status: 'acknowledged' });
      await move({ status: 'in_progress' });
      await move({
        status: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'restarted',
      });
      await move({ status: 'in_progress' });
      await move({
        status: 'resolved',
        resolutionCode: 'workaround',
        resolutionNotes: 'failover',
      });

      const p3 = await request(server)
        .post('/api/itsm/incidents')
        .send({
          ...report,
          affectedServices: ['component:default/ledger'],
          impact: 'medium',
          category: 'performance',
        });
      await request(server)
        .patch(`/api/itsm/incidents/${p3.body.id}`)
        .send({ version: p3.body.version, status: 'acknowledged' });
      const problem = await request(server)
        .post('/api/itsm/problems')
        .send({ title: 'Acquirer timeouts keep coming back' });
      if (problem.status !== 201) throw new Error(`problem: ${problem.status}`);
      const cancelled = await request(server)
        .post('/api/itsm/incidents')
        .send({ ...report, affectedServices: ['ledger'], impact: 'medium' });
      await request(server)
        .patch(`/api/itsm/incidents/${cancelled.body.id}`)
        .send({ version: cancelled.body.version, status: 'cancelled' });
    });

    it('answers the estate totals', async () => {
      const res = await request(server).get('/api/itsm/reports/kpis');
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({
        opened: 3,
        resolved: 1,
        reopened: 1,
        reopenRate: 1,
        resolvedByWorkaround: 1,
        workaroundShare: 1,
        causedByChange: 0,
        mtta: { count: 2 },
        mttr: { count: 1 },
        // Recorded by the resolution clock (24×7 for a P2): the time spent
        // resolved before the reopen is left out
        mttrBusiness: { count: 1 },
      });
      expect(res.body.totals.mttrBusiness.meanMs).toBeLessThanOrEqual(
        res.body.totals.mttr.meanMs,
      );
      expect(res.body.backlog).toEqual({
        open: 1,
        byAge: { lt1d: 1, '1to3d': 0, '3to7d': 0, '7to30d': 0, gt30d: 0 },
      });
      expect(res.body.problems).toEqual({
        opened: 1,
        open: 1,
        medianOpenAgeMs: expect.any(Number),
      });
      // Opened by this test a moment ago
      expect(res.body.problems.medianOpenAgeMs).toBeLessThan(10 * 60_000);
      expect(res.body.actionItems).toEqual({ open: 2, overdue: 1 });
      expect(res.body.changes).toEqual({
        closed: 0,
        failed: 0,
        changeFailureRate: null,
      });
    });

    const today = kpiDayOf(new Date().toISOString());
    it.each([
      ['week', [isoWeekOf(today)], [3]],
      ['month', [today.slice(0, 7)], [3]],
      ['priority', ['P2', 'P3'], [1, 2]],
      ['category', ['availability', 'performance'], [2, 1]],
      // every affected service: the P2 counts on both of its services
      [
        'service',
        ['component:default/ledger', 'component:default/payments-api'],
        [3, 1],
      ],
      ['group', ['', 'group:default/payments-team'], [2, 1]],
    ])('groups by %s', async (groupBy, keys, opened) => {
      const res = await request(server).get(
        `/api/itsm/reports/kpis?groupBy=${groupBy}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.groupBy).toBe(groupBy);
      expect(res.body.groups.map((g: any) => g.key)).toEqual(keys);
      expect(res.body.groups.map((g: any) => g.kpis.opened)).toEqual(opened);
      expect(res.body.totals.opened).toBe(3);
    });

    it('narrows to one service or one group', async () => {
      const service = await request(server).get(
        '/api/itsm/reports/kpis?entityRef=payments-api&groupBy=priority',
      );
      expect(service.status).toBe(200);
      expect(service.body.entityRef).toBe('component:default/payments-api');
      expect(service.body.totals).toMatchObject({ opened: 1, resolved: 1 });
      expect(service.body.backlog.open).toBe(0);
      const group = await request(server).get(
        '/api/itsm/reports/kpis?group=payments-team',
      );
      expect(group.body.group).toBe('group:default/payments-team');
      expect(group.body.totals.opened).toBe(1);
      // Owned by the group, or of its incidents
      expect(group.body.actionItems).toEqual({ open: 2, overdue: 1 });
      expect(service.body.actionItems).toEqual({ open: 2, overdue: 1 });
      const ledger = await request(server).get(
        '/api/itsm/reports/kpis?entityRef=ledger',
      );
      expect(ledger.body.actionItems).toEqual({ open: 2, overdue: 1 });
      const gold = await request(server).get(
        '/api/itsm/reports/kpis?entityRef=gold-api',
      );
      expect(gold.body.actionItems).toEqual({ open: 0, overdue: 0 });
      expect(gold.body.problems).toEqual({
        opened: 0,
        open: 0,
        medianOpenAgeMs: null,
      });
    });

    it.each(['week', 'priority', 'service', undefined])(
      'narrows to the services of a system (groupBy %s)',
      async groupBy => {
        const res = await request(server).get(
          `/api/itsm/reports/kpis?system=payments${
            groupBy ? `&groupBy=${groupBy}` : ''
          }`,
        );
        expect(res.status).toBe(200);
        expect(res.body.system).toBe('system:default/payments');
        // The P2 on payments-api (and ledger): only payments-api is a part
        expect(res.body.totals).toMatchObject({ opened: 1, resolved: 1 });
        expect(res.body.backlog.open).toBe(0);
        if (groupBy === 'service') {
          expect(res.body.groups.map((g: any) => g.key)).toEqual([
            'component:default/payments-api',
          ]);
        }
      },
    );

    it('refuses an unknown system, or a system with a service', async () => {
      for (const [query, message] of [
        ['system=nowhere', 'system: no system "system:default/nowhere"'],
        ['system=component:default/ledger', 'system:'],
        ['system=payments&entityRef=ledger', 'entityRef and system'],
      ]) {
        const res = await request(server).get(
          `/api/itsm/reports/kpis?${query}`,
        );
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.error.message).toContain(message);
      }
    });

    it('gives the weekly review as JSON, Markdown and CSV', async () => {
      const week = isoWeekOf(today);
      const json = await request(server).get(
        `/api/itsm/reports/weekly?week=${week}`,
      );
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({
        week,
        kpis: { opened: 3, resolved: 1, reopened: 1 },
        previousKpis: { opened: 0 },
        topServices: [
          { entityRef: 'component:default/ledger', opened: 3 },
          { entityRef: 'component:default/payments-api', opened: 1 },
        ],
        majorIncidents: [
          expect.objectContaining({ priority: 'P2', reviewStatus: 'none' }),
        ],
        failedChanges: [],
        overdueActionItems: [
          expect.objectContaining({
            title: 'Follow-up due 2020-01-01',
            owner: 'group:default/payments-team',
            status: 'open',
            at: '2020-01-01T00:00:00.000Z',
            incidentRef: json.body.priorityIncidents[0]?.ref,
          }),
        ],
      });
      expect(json.body.trend).toHaveLength(12);
      expect(json.body.trend[11]).toMatchObject({ week, kpis: { opened: 3 } });
      expect(json.body.priorityIncidents).toEqual([
        expect.objectContaining({
          title: report.title,
          priority: 'P2',
          status: 'resolved',
          service: 'component:default/payments-api',
        }),
      ]);

      const md = await request(server).get(
        `/api/itsm/reports/weekly?week=${week}&format=md`,
      );
      expect(md.status).toBe(200);
      expect(md.headers['content-type']).toMatch(/^text\/markdown/);
      expect(md.text).toContain(`# Weekly incident review ${week}`);
      expect(md.text).toContain('| Opened | 3 | 0 |');

      const csv = await request(server).get(
        `/api/itsm/reports/weekly?week=${week}&format=csv`,
      );
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.split('\r\n')[0]).toBe(
        'section,item,title,value,previous',
      );
      expect(csv.text).toContain('top_service,component:default/ledger,,3,');
      expect(csv.text).toMatch(
        /\r\noverdue_action_item,ACT-\d+,Follow-up due 2020-01-01,2020-01-01,\r\n/,
      );
      expect(md.headers['content-disposition']).toBe(
        `attachment; filename="itsm-weekly-${week}.md"`,
      );

      const last = await request(server).get('/api/itsm/reports/weekly');
      expect(last.status).toBe(200);
      expect(last.body.week).toBe(shiftIsoWeek(week, -1));
      for (const bad of ['2026-10', '2025-W53', 'W10']) {
        const res = await request(server).get(
          `/api/itsm/reports/weekly?week=${bad}`,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/week/);
      }
      const format = await request(server).get(
        '/api/itsm/reports/weekly?format=pdf',
      );
      expect(format.status).toBe(400);
      expect(format.body.error.message).toMatch(/format/);
    });

    it('reads whole UTC days and refuses bad input naming the field', async () => {
      const past = await request(server).get(
        '/api/itsm/reports/kpis?from=2020-01-01&to=2020-02-01T12:00:00Z',
      );
      expect(past.status).toBe(200);
      expect(past.body).toMatchObject({ from: '2020-01-01', to: '2020-02-02' });
      expect(past.body.totals.opened).toBe(0);
      for (const [query, field] of [
        ['groupBy=quarter', 'groupBy'],
        ['from=yesterday', 'from'],
        ['entityRef=component:default/', 'entityRef'],
        ['group=group:default/', 'group'],
        ['from=2026-01-02&to=2026-01-01', 'from'],
        ['from=2010-01-01&to=2026-01-01', 'from..to'],
      ]) {
        const res = await request(server).get(
          `/api/itsm/reports/kpis?${query}`,
        );
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.error.message).toContain(field);
      }
    });
  },
);

describe('GET /reports/kpis authorization', () => {
  it('is refused without itsm.report.read', async () => {
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const res = await request(server).get('/api/itsm/reports/kpis');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('itsm.report.read');
  });
});
