import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { itsmPlugin } from './plugin';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const entity = (kind: string, name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

const entities = [
  entity('Component', 'payments-api', { owner: 'group:default/payments-team' }),
  entity('Component', 'ledger', { owner: 'sre' }),
  entity('Group', 'payments-team'),
  entity('Group', 'sre'),
  entity('Group', 'incident-managers'),
  entity('User', 'bob'),
];

const p1 = {
  title: 'Card payments failing',
  description: 'Acquirer returns 502',
  affectedServices: ['component:default/payments-api', 'ledger'],
  category: 'availability',
  impact: 'high',
  urgency: 'high',
};

const sections = {
  summary: 'Card payments failed for an hour.',
  customerImpact: { usersAffected: 'All card payers' },
  detection: 'Alert after 5 minutes',
  rootCause: 'Pool exhausted',
  fiveWhys: ['No connection was free', '  ', 'Pool too small'],
};

describe('post-incident reviews over HTTP', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          itsmPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              itsm: {
                reviews: {
                  requiredForPriorities: ['P1'],
                  reviewersGroup: 'group:default/incident-managers',
                },
              },
            },
          }),
        ],
      });
      return { server, knex };
    }

    it('refuses to close until the review is published, then follows it to the end', async () => {
      const { server } = await start();
      const api = (path: string) => `/api/itsm${path}`;
      const created = await request(server).post(api('/incidents')).send(p1);
      expect(created.body.priority).toBe('P1');
      const ref = created.body.ref;
      let incident = created.body;
      for (const status of ['acknowledged', 'in_progress', 'resolved']) {
        const res = await request(server)
          .patch(api(`/incidents/${ref}`))
          .send({
            version: incident.version,
            status,
            ...(status === 'resolved'
              ? { resolutionCode: 'fixed', resolutionNotes: 'Pool raised' }
              : {}),
          });
        expect(res.status).toBe(200);
        incident = res.body;
      }

      const refused = await request(server)
        .patch(api(`/incidents/${ref}`))
        .send({ version: incident.version, status: 'closed' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain(
        `its post-incident review of ${ref} has not been started`,
      );

      expect(
        (await request(server).get(api(`/incidents/${ref}/review`))).status,
      ).toBe(404);
      const toWrite = await request(server)
        .get(api('/reviews'))
        .query({ status: 'to_write', blocked: 'true' });
      expect(toWrite.body.items).toEqual([
        expect.objectContaining({ incidentRef: ref, blocksClosing: true }),
      ]);

      const started = await request(server)
        .put(api(`/incidents/${ref}/review`))
        .send({ sections });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({
        status: 'draft',
        revision: 1,
        version: 1,
        reviewers: [
          'group:default/payments-team',
          'group:default/sre',
          'group:default/incident-managers',
        ],
        sections: {
          fiveWhys: ['No connection was free', 'Pool too small'],
        },
        facts: {
          incidentRef: ref,
          priority: 'P1',
          incidentStatus: 'resolved',
          affectedServices: [
            'component:default/payments-api',
            'component:default/ledger',
          ],
          timeToAcknowledgeMinutes: expect.any(Number),
          slaResponse: expect.stringMatching(/met|breached/),
        },
      });
      expect(started.body.timeline.map((e: any) => e.type)).toEqual([
        'created',
        'assigned',
        'status_changed',
        'status_changed',
        'status_changed',
        'review_changed',
      ]);

      // Two writers on version 1: one wins, the other is told to reload
      const race = await Promise.all(
        ['First', 'Second'].map(summary =>
          request(server)
            .put(api(`/incidents/${ref}/review`))
            .send({ version: 1, sections: { ...sections, summary } }),
        ),
      );
      expect(race.map(r => r.status).sort()).toEqual([200, 409]);
      const version = race.find(r => r.status === 200)!.body.version;
      expect(version).toBe(2);

      const item = await request(server).post(api('/action-items')).send({
        title: 'Alert on pool saturation',
        owner: 'group:default/sre',
        dueDate: '2026-01-15',
        incident: ref,
      });
      expect(item.status).toBe(201);
      expect(item.body).toMatchObject({
        ref: 'ACT-1001',
        owner: 'group:default/sre',
        status: 'open',
        overdue: true,
        incidentRef: ref,
        reviewId: started.body.id,
      });
      const badDue = await request(server).post(api('/action-items')).send({
        title: 'x',
        owner: 'bob',
        dueDate: '2026-02-30',
        incident: ref,
      });
      expect(badDue.status).toBe(400);
      expect(badDue.body.error.message).toMatch(/^dueDate/);

      const unwritten = await request(server)
        .put(api(`/incidents/${ref}/review`))
        .send({ version, status: 'published' });
      expect(unwritten.status).toBe(400);
      expect(unwritten.body.error.message).toMatch(
        /allowed from draft: in_review/,
      );

      const submitted = await request(server)
        .put(api(`/incidents/${ref}/review`))
        .send({ version, status: 'in_review' });
      expect(submitted.status).toBe(200);
      const unapproved = await request(server)
        .put(api(`/incidents/${ref}/review`))
        .send({ version: submitted.body.version, status: 'published' });
      expect(unapproved.status).toBe(400);
      expect(unapproved.body.error.message).toMatch(/approve/);

      const approved = await request(server)
        .post(api(`/incidents/${ref}/review/approvals`))
        .send({ comment: 'Clear' });
      expect(approved.status).toBe(201);
      expect(approved.body.approvals).toEqual([
        expect.objectContaining({ comment: 'Clear' }),
      ]);
      const twice = await request(server)
        .post(api(`/incidents/${ref}/review/approvals`))
        .send({});
      expect(twice.status).toBe(409);

      const stillRefused = await request(server)
        .patch(api(`/incidents/${ref}`))
        .send({ version: incident.version, status: 'closed' });
      expect(stillRefused.status).toBe(409);
      expect(stillRefused.body.error.message).toContain('is in review');

      const published = await request(server)
        .put(api(`/incidents/${ref}/review`))
        .send({ version: approved.body.version, status: 'published' });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({
        status: 'published',
        publishedAt: expect.any(String),
      });
      const readOnly = await request(server)
        .put(api(`/incidents/${ref}/review`))
        .send({ version: published.body.version, sections });
      expect(readOnly.status).toBe(409);
      expect(readOnly.body.error.message).toMatch(
        /read-only; open a new revision/,
      );

      const md = await request(server)
        .get(api(`/incidents/${ref}/review`))
        .query({ format: 'md' });
      expect(md.status).toBe(200);
      expect(md.headers['content-type']).toMatch(/^text\/markdown/);
      expect(md.text).toContain(
        `# Post-incident review: ${ref} — Card payments failing`,
      );
      expect(md.text).toContain(
        '| ACT-1001 | Alert on pool saturation | group:default/sre | 2026-01-15 | Open (overdue) |',
      );

      const closed = await request(server)
        .patch(api(`/incidents/${ref}`))
        .send({ version: incident.version, status: 'closed' });
      expect(closed.status).toBe(200);

      const listed = await request(server)
        .get(api('/reviews'))
        .query({ status: 'published', entityRef: 'ledger' });
      expect(listed.body.items.map((i: any) => i.incidentRef)).toEqual([ref]);
    });

    it('follows action items: status, version, overdue filter, owners, conversion', async () => {
      const { server } = await start();
      const api = (path: string) => `/api/itsm${path}`;
      const incident = (await request(server).post(api('/incidents')).send(p1))
        .body;
      const post = (body: object) =>
        request(server)
          .post(api('/action-items'))
          .send({ incident: incident.id, ...body });
      const overdue = (
        await post({ title: 'Overdue', owner: 'bob', dueDate: '2026-01-01' })
      ).body;
      const later = (
        await post({
          title: 'Later',
          owner: 'group:default/sre',
          dueDate: '2099-01-01',
        })
      ).body;
      expect(overdue.owner).toBe('user:default/bob');

      const list = async (query: object) =>
        (
          await request(server).get(api('/action-items')).query(query)
        ).body.items.map((i: any) => i.title);
      expect(await list({})).toEqual(['Overdue', 'Later']);
      expect(await list({ overdue: 'true' })).toEqual(['Overdue']);
      expect(await list({ owner: 'group:default/sre' })).toEqual(['Later']);
      expect(await list({ incidentId: incident.ref })).toEqual([
        'Overdue',
        'Later',
      ]);
      expect(await list({ entityRef: 'ledger' })).toEqual(['Overdue', 'Later']);
      const badStatus = await request(server)
        .get(api('/action-items'))
        .query({ status: 'finished' });
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.error.message).toMatch(/^status: "finished"/);

      const done = await request(server)
        .patch(api(`/action-items/${overdue.ref}`))
        .send({ version: 1, status: 'done' });
      expect(done.body).toMatchObject({
        status: 'done',
        overdue: false,
        completedAt: expect.any(String),
        version: 2,
      });
      const stale = await request(server)
        .patch(api(`/action-items/${overdue.id}`))
        .send({ version: 1, title: 'Renamed' });
      expect(stale.status).toBe(409);
      const illegal = await request(server)
        .patch(api(`/action-items/${overdue.id}`))
        .send({ version: 2, status: 'in_progress' });
      expect(illegal.status).toBe(400);
      expect(illegal.body.error.message).toMatch(/^status: cannot move/);

      const converted = await request(server)
        .post(api(`/action-items/${later.id}/convert`))
        .send({ to: 'problem' });
      expect(converted.status).toBe(201);
      expect(converted.body.problemRef).toMatch(/^PRB-/);
      const problem = await request(server).get(
        api(`/problems/${converted.body.problemRef}`),
      );
      expect(problem.body.description).toContain(
        `From action item ${later.ref} of the review of ${incident.ref}`,
      );
      const again = await request(server)
        .post(api(`/action-items/${later.id}/convert`))
        .send({ to: 'problem' });
      expect(again.status).toBe(400);

      const toChange = await request(server)
        .post(api(`/action-items/${later.id}/convert`))
        .send({ to: 'change' });
      expect(toChange.body.error?.message).toBeUndefined();
      expect(toChange.status).toBe(201);
      expect(toChange.body).toMatchObject({
        changeRef: expect.stringMatching(/^CHG-/),
        problemRef: converted.body.problemRef,
      });
      const change = await request(server).get(
        api(`/changes/${toChange.body.changeRef}`),
      );
      expect(change.body).toMatchObject({
        title: 'Later',
        affectedServices: [
          'component:default/payments-api',
          'component:default/ledger',
        ],
        plannedStart: '2099-01-01T09:00:00.000Z',
      });
    });

    it('requires a published review to close a major incident, whatever its priority', async () => {
      const { server, knex } = await start();
      const api = (path: string) => `/api/itsm${path}`;
      let incident = (
        await request(server)
          .post(api('/incidents'))
          .send({ ...p1, impact: 'low', urgency: 'low' })
      ).body;
      expect(incident.priority).toBe('P5');
      await knex('itsm_incidents')
        .where({ id: incident.id })
        .update({ major: true, version: 2 });
      incident = { ...incident, version: 2 };
      for (const status of ['acknowledged', 'in_progress', 'resolved']) {
        incident = (
          await request(server)
            .patch(api(`/incidents/${incident.id}`))
            .send({
              version: incident.version,
              status,
              ...(status === 'resolved'
                ? { resolutionCode: 'fixed', resolutionNotes: 'Done' }
                : {}),
            })
        ).body;
      }
      const refused = await request(server)
        .patch(api(`/incidents/${incident.id}`))
        .send({ version: incident.version, status: 'closed' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('is a major incident');
    });
  });
});
