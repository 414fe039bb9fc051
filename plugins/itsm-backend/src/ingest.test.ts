import { mockCredentials } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/testDatabases';
import {
  alertFixture,
  startIngestBackend,
  webhookAuth,
} from './__testUtils__/ingestBackend';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const user = mockCredentials.user.header('user:default/alice');

type Server = Awaited<ReturnType<typeof startIngestBackend>>;

const post = (server: Server, source: string, body: unknown) =>
  request(server)
    .post(`/api/itsm/ingest/${source}`)
    .set('authorization', webhookAuth)
    .send(body as object);

const get = (server: Server, path: string) =>
  request(server).get(`/api/itsm${path}`).set('authorization', user);

async function timelineTypes(server: Server, id: string): Promise<string[]> {
  const res = await get(server, `/incidents/${id}/timeline?limit=500`);
  return res.body.items.map((e: { type: string }) => e.type);
}

describe.each(databases.eachSupportedId())(
  'alert ingestion on %p',
  databaseId => {
    let server: Server;

    beforeAll(async () => {
      server = await startIngestBackend(await databases.init(databaseId));
    });

    it('opens one incident per group and service, counts repeats and resolves it', async () => {
      const firing = alertFixture('alertmanager-firing.json');
      const first = await post(server, 'alertmanager', firing);
      expect(first.status).toBe(202);
      expect(first.body.alerts.map((a: any) => a.outcome)).toEqual([
        'created',
        'attached',
      ]);
      const { incidentId, incidentRef } = first.body.alerts[0];
      expect(first.body.alerts[1].incidentRef).toBe(incidentRef);

      const incident = (await get(server, `/incidents/${incidentId}`)).body;
      expect(incident).toMatchObject({
        title: 'payments-api 5xx ratio above 5% for 5 minutes',
        source: 'alertmanager',
        affectedServices: ['component:default/payments-api'],
        impact: 'high',
        urgency: 'high',
        priority: 'P1',
        status: 'new',
      });
      expect(incident.dedupKey).toMatch(/^[0-9a-f]{64}$/);
      const before = await timelineTypes(server, incidentId);
      expect(before.filter(t => t === 'alert_firing')).toHaveLength(2);

      // Replays: counters only, no timeline rows
      for (let i = 0; i < 3; i++) {
        const again = await post(server, 'alertmanager', firing);
        expect(again.body.alerts.map((a: any) => a.outcome)).toEqual([
          'repeated',
          'repeated',
        ]);
      }
      expect(await timelineTypes(server, incidentId)).toEqual(before);
      const alerts = (await get(server, `/alerts?incidentId=${incidentRef}`))
        .body.items;
      expect(alerts).toHaveLength(2);
      for (const alert of alerts) {
        expect(alert).toMatchObject({
          source: 'alertmanager',
          status: 'firing',
          receivedCount: 4,
          entityRef: 'component:default/payments-api',
          incidentRef,
          links: { runbook: { href: expect.stringContaining('runbooks') } },
        });
        expect(alert.lastSeenAt >= alert.firstSeenAt).toBe(true);
      }

      // Resolved: the timeline says so, and Alertmanager may resolve a new incident
      const resolved = await post(
        server,
        'alertmanager',
        alertFixture('alertmanager-resolved.json'),
      );
      expect(resolved.body.alerts.map((a: any) => a.outcome)).toEqual([
        'resolved',
        'resolved',
      ]);
      const afterResolve = (await get(server, `/incidents/${incidentId}`)).body;
      expect(afterResolve).toMatchObject({
        status: 'resolved',
        resolutionCode: 'fixed',
      });
      const types = await timelineTypes(server, incidentId);
      expect(types.filter(t => t === 'alert_resolved')).toHaveLength(2);
      expect(types).toContain('status_changed');
      // A resolved replay is a repeat too
      const replay = await post(
        server,
        'alertmanager',
        alertFixture('alertmanager-resolved.json'),
      );
      expect(replay.body.alerts.map((a: any) => a.outcome)).toEqual([
        'repeated',
        'repeated',
      ]);

      // Firing again within the window reopens it
      const reopened = await post(server, 'alertmanager', firing);
      expect(reopened.body.alerts.map((a: any) => a.outcome)).toEqual([
        'reopened',
        'attached',
      ]);
      const inProgress = (await get(server, `/incidents/${incidentId}`)).body;
      expect(inProgress).toMatchObject({
        status: 'in_progress',
        reopenCount: 1,
      });

      // Acknowledged by people: a resolved alert no longer resolves it
      await post(
        server,
        'alertmanager',
        alertFixture('alertmanager-resolved.json'),
      );
      const stillOpen = (await get(server, `/incidents/${incidentId}`)).body;
      expect(stillOpen.status).toBe('in_progress');

      // Closed: the next firing opens a new incident
      const resolve = await request(server)
        .patch(`/api/itsm/incidents/${incidentId}`)
        .set('authorization', user)
        .send({
          version: stillOpen.version,
          status: 'resolved',
          resolutionCode: 'fixed',
          resolutionNotes: 'Rolled forward',
        });
      expect(resolve.status).toBe(200);
      const close = await request(server)
        .patch(`/api/itsm/incidents/${incidentId}`)
        .set('authorization', user)
        .send({ version: resolve.body.version, status: 'closed' });
      expect(close.status).toBe(200);
      const next = await post(server, 'alertmanager', firing);
      expect(next.body.alerts.map((a: any) => a.outcome)).toEqual([
        'created',
        'attached',
      ]);
      expect(next.body.alerts[0].incidentRef).not.toBe(incidentRef);
      const old = (await get(server, `/incidents/${incidentId}`)).body;
      expect(old.dedupKey).toBe(`${incident.dedupKey}#${incidentRef}`);
    });

    it('routes by label, selector annotation and service, and keeps unmapped alerts for triage', async () => {
      const routed = async (source: string, file: string) =>
        (await post(server, source, alertFixture(file))).body.alerts[0];
      expect(
        await routed('alertmanager', 'alertmanager-selector.json'),
      ).toMatchObject({
        outcome: 'created',
        entityRef: 'component:default/ledger',
      });
      expect(await routed('grafana', 'grafana-firing.json')).toMatchObject({
        outcome: 'created',
        entityRef: 'component:default/checkout-web',
      });
      expect(await routed('generic', 'generic-firing.json')).toMatchObject({
        outcome: 'created',
        entityRef: 'component:default/billing-worker',
      });
      const unmapped = await routed('generic', 'generic-unmapped.json');
      expect(unmapped).toEqual({
        dedupKey: 'edge-proxy/tls-expiry',
        status: 'firing',
        outcome: 'unmapped',
      });
      expect((await routed('generic', 'generic-unmapped.json')).outcome).toBe(
        'repeated',
      );
      const triage = (await get(server, '/alerts?unmapped=true')).body.items;
      expect(triage).toEqual([
        expect.objectContaining({
          dedupKey: 'edge-proxy/tls-expiry',
          receivedCount: 2,
          labels: { job: 'blackbox', instance: 'edge.example.org:443' },
        }),
      ]);
      expect(triage[0].entityRef).toBeUndefined();
      expect(triage[0].incidentId).toBeUndefined();
    });

    it('follows PagerDuty trigger, acknowledge and resolve', async () => {
      const trigger = await post(
        server,
        'pagerduty',
        alertFixture('pagerduty-trigger.json'),
      );
      expect(trigger.status).toBe(202);
      expect(trigger.body).toMatchObject({
        status: 'success',
        dedup_key: 'fraud-check/queue-backlog',
        alerts: [
          { outcome: 'created', entityRef: 'component:default/fraud-check' },
        ],
      });
      const id = trigger.body.alerts[0].incidentId;
      expect((await get(server, `/incidents/${id}`)).body).toMatchObject({
        source: 'pagerduty',
        priority: 'P2',
      });
      const ack = await post(server, 'pagerduty', {
        ...alertFixture('pagerduty-resolve.json'),
        event_action: 'acknowledge',
      });
      expect(ack.body.alerts[0].outcome).toBe('acknowledged');
      expect((await get(server, `/incidents/${id}`)).body.status).toBe(
        'acknowledged',
      );
      const resolved = await post(
        server,
        'pagerduty',
        alertFixture('pagerduty-resolve.json'),
      );
      expect(resolved.body.alerts[0].outcome).toBe('resolved');
      // Not configured to resolve, and acknowledged anyway: people decide
      expect((await get(server, `/incidents/${id}`)).body.status).toBe(
        'acknowledged',
      );
    });

    it('records the known errors that may apply on an incident opened from an alert', async () => {
      const workaround = await request(server)
        .post('/api/itsm/workarounds')
        .set('authorization', user)
        .send({
          title: 'Rerun the invoice batch from its checkpoint',
          steps: 'invoice-run --resume',
          affectedServices: ['component:default/billing-worker'],
        });
      expect(workaround.status).toBe(201);
      const res = await post(server, 'generic', {
        dedupKey: 'billing-worker/invoice-run-slow',
        status: 'firing',
        title: 'Invoice batch running late',
        service: 'billing-worker',
        severity: 'warning',
      });
      const { incidentId, outcome } = res.body.alerts[0];
      expect(outcome).toBe('created');
      const timeline = await get(server, `/incidents/${incidentId}/timeline`);
      const suggested = timeline.body.items.find(
        (e: { type: string }) => e.type === 'known_errors_suggested',
      );
      expect(suggested.message).toContain(workaround.body.ref);
      expect(suggested.after.workarounds).toEqual([
        expect.objectContaining({ id: workaround.body.id }),
      ]);
    });

    it('answers a payload of the wrong shape with a 400 naming the field, writing nothing', async () => {
      const body = alertFixture('alertmanager-firing.json');
      delete body.alerts[0].fingerprint;
      const res = await post(server, 'alertmanager', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^alerts\[0\]\.fingerprint: /);
      const pd = await post(server, 'pagerduty', { event_action: 'trigger' });
      expect(pd.status).toBe(400);
      expect(pd.body.error.message).toMatch(/^payload: /);
    });
  },
);

// Issue 16: the same alert sent 1,000 times in parallel to two backends on
// one database creates one incident. In-memory SQLite cannot be shared by
// two connection pools, so this runs where replicas can: PostgreSQL, MySQL.
const shared = databases
  .eachSupportedId()
  .filter(([id]) => !String(id).startsWith('SQLITE'));

(shared.length ? describe.each(shared) : describe.skip.each([['none']]))(
  'two replicas racing on %p',
  databaseId => {
    it('turn 1,000 parallel posts of one alert into one incident', async () => {
      const knex = await databases.init(databaseId as any);
      const a = await startIngestBackend(knex);
      const other = knexFactory(knex.client.config);
      const b = await startIngestBackend(other);
      const body = alertFixture('pagerduty-trigger.json');
      body.dedup_key = 'race/one-alert';
      const responses = await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          post(i % 2 ? b : a, 'pagerduty', body),
        ),
      );
      const statuses = responses.map(r => r.status);
      expect(statuses.filter(s => s !== 202)).toEqual([]);
      const outcomes: Record<string, number> = {};
      for (const r of responses) {
        const o = r.body.alerts[0].outcome;
        outcomes[o] = (outcomes[o] ?? 0) + 1;
      }
      const [{ n }] = await knex('itsm_incidents')
        .where({ source: 'pagerduty' })
        .count({ n: '*' });
      const alert = await knex('itsm_alerts')
        .where({ source: 'pagerduty', dedup_key: 'race/one-alert' })
        .first();
      const incidentId = alert.incident_id;
      const [{ notes }] = await knex('itsm_timeline_events')
        .where({ incident_id: incidentId, type: 'alert_firing' })
        .count({ notes: '*' });
      // eslint-disable-next-line no-console
      console.log(
        `race on ${databaseId}: incidents=${n} receivedCount=${
          alert.received_count
        } repeats=${Number(alert.received_count) - 1} outcomes=${JSON.stringify(
          outcomes,
        )} alert_firing notes=${notes}`,
      );
      expect(Number(n)).toBe(1);
      expect(Number(alert.received_count)).toBe(1000);
      // One request stores the alert (it opened the incident, or found the
      // one another request opened a moment before); the rest are repeats
      expect((outcomes.created ?? 0) + (outcomes.attached ?? 0)).toBe(1);
      expect(outcomes.repeated).toBe(999);
      expect(Number(notes)).toBe(1);
      await other.destroy();
    });
  },
);
