import { mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startBackend } from './__testUtils__/problemsBackend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const change = (overrides: object = {}) => ({
  title: 'Raise the export timeout',
  type: 'standard',
  risk: 'low',
  affectedServices: ['ledger'],
  plannedStart: '2026-12-01T10:00:00Z',
  plannedEnd: '2026-12-01T11:00:00Z',
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'one link between a problem and its changes, on %p',
  databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      const server = await startBackend(
        mockServices.database.factory({ knex }),
      );
      const api = (method: 'get' | 'post' | 'patch', url: string) =>
        request(server)[method](`/api/itsm${url}`);
      const problem = await api('post', '/problems').send({
        title: 'Ledger exports time out',
        affectedServices: ['ledger'],
      });
      const messages = async (url: string) =>
        (await api('get', url)).body.items.map((e: any) => e.message);
      return { api, problem: problem.body, messages };
    }

    it('links from the problem side, lists the changes, writes both timelines, and refuses a second problem', async () => {
      const { api, problem, messages } = await start();
      const a = (await api('post', '/changes').send(change())).body;
      const b = (
        await api('post', '/changes').send(change({ title: 'Add an index' }))
      ).body;

      const linked = await api('post', `/problems/${problem.ref}/changes`).send(
        { version: 1, link: [a.ref, b.id] },
      );
      expect(linked.status).toBe(200);
      expect(linked.body.version).toBe(2);
      expect(
        linked.body.fixChanges.map((c: any) => [c.ref, c.status, c.title]),
      ).toEqual([
        ['CHG-1001', 'new', 'Raise the export timeout'],
        ['CHG-1002', 'new', 'Add an index'],
      ]);
      // The change side reads the same link
      const readA = await api('get', `/changes/${a.ref}`);
      expect(readA.body).toMatchObject({ problemRef: 'PRB-1001', version: 2 });
      expect(await messages(`/changes/${a.id}/events`)).toContain(
        'Linked to problem PRB-1001',
      );
      expect(await messages(`/problems/${problem.id}/timeline`)).toContain(
        'Linked changes CHG-1001, CHG-1002',
      );

      const other = await api('post', '/problems').send({ title: 'Other' });
      const taken = await api(
        'post',
        `/problems/${other.body.ref}/changes`,
      ).send({ version: 1, link: [a.ref] });
      expect(taken.status).toBe(409);
      expect(taken.body.error.message).toBe(
        'Change CHG-1001 already fixes problem PRB-1001; unlink it there first',
      );
      const stale = await api('post', `/problems/${problem.ref}/changes`).send({
        version: 1,
        unlink: [b.ref],
      });
      expect(stale.status).toBe(409);
      const notLinked = await api(
        'post',
        `/problems/${other.body.ref}/changes`,
      ).send({ version: 1, unlink: [b.ref] });
      expect(notLinked.status).toBe(400);
      expect(notLinked.body.error.message).toBe(
        'unlink: change CHG-1002 is not linked to PRB-1002',
      );
      const unknown = await api(
        'post',
        `/problems/${problem.ref}/changes`,
      ).send({ version: 2, link: ['CHG-9999'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe('link[0]: no change CHG-9999');

      const unlinked = await api(
        'post',
        `/problems/${problem.ref}/changes`,
      ).send({ version: 2, unlink: [b.ref] });
      expect(unlinked.body.fixChanges.map((c: any) => c.ref)).toEqual([
        'CHG-1001',
      ]);
      expect((await api('get', `/changes/${b.ref}`)).body.problemRef).toBe(
        undefined,
      );
      expect(await messages(`/changes/${b.id}/events`)).toContain(
        'Unlinked from problem PRB-1001',
      );
    });

    it('links from the change side at creation and by PATCH, and a failed fix is on the problem timeline', async () => {
      const { api, problem, messages } = await start();
      const requested = await api('post', '/changes').send(
        change({ problemRef: problem.ref }),
      );
      expect(requested.status).toBe(201);
      expect(await messages(`/problems/${problem.id}/timeline`)).toContain(
        'Change CHG-1001 requested to fix it: Raise the export timeout',
      );

      // Edited after creation: moved to another problem, both timelines told
      const other = (await api('post', '/problems').send({ title: 'Other' }))
        .body;
      const moved = await api('patch', `/changes/${requested.body.id}`).send({
        version: 1,
        problemRef: other.ref,
      });
      expect(moved.status).toBe(200);
      expect(
        (await api('get', `/problems/${problem.ref}`)).body.fixChanges,
      ).toEqual([]);
      expect(
        (await api('get', `/problems/${other.ref}`)).body.fixChanges.map(
          (c: any) => c.ref,
        ),
      ).toEqual(['CHG-1001']);
      expect(await messages(`/problems/${problem.id}/timeline`)).toContain(
        'Change CHG-1001 no longer names this problem (it now fixes PRB-1002)',
      );
      expect(await messages(`/problems/${other.id}/timeline`)).toContain(
        'Change CHG-1001 linked to fix it: Raise the export timeout',
      );

      // Standard change: new → scheduled → implement → review → closed
      let version = 2;
      const step = async (body: object) => {
        const res = await api('patch', `/changes/${requested.body.id}`).send({
          version,
          ...body,
        });
        expect(res.status).toBe(200);
        version = res.body.version;
        return res;
      };
      await step({ status: 'assess' });
      await step({ status: 'scheduled' });
      await step({ status: 'implement' });
      await step({ status: 'review', outcome: 'rolled_back' });
      await step({ status: 'closed' });
      const timeline = await messages(`/problems/${other.id}/timeline`);
      expect(timeline).toContain(
        'Change CHG-1001 recorded its outcome: rolled back; the problem is not fixed by it',
      );
      expect(timeline).toContain(
        'Change CHG-1001 closed: rolled back; the problem is not fixed by it',
      );
      // Nothing moved silently: the problem keeps its status
      expect((await api('get', `/problems/${other.ref}`)).body).toMatchObject({
        status: 'new',
        fixChanges: [
          expect.objectContaining({ status: 'closed', outcome: 'rolled_back' }),
        ],
      });
    });

    it('refuses linking a closed problem from either side', async () => {
      const { api, problem } = await start();
      await api('patch', `/problems/${problem.ref}`).send({
        version: 1,
        status: 'closed',
      });
      const a = (await api('post', '/changes').send(change())).body;
      const fromProblem = await api(
        'post',
        `/problems/${problem.ref}/changes`,
      ).send({ version: 2, link: [a.ref] });
      expect(fromProblem.status).toBe(400);
      expect(fromProblem.body.error.message).toMatch(
        /^link: problem PRB-1001 is closed/,
      );
      const fromChange = await api('patch', `/changes/${a.ref}`).send({
        version: 1,
        problemRef: problem.ref,
      });
      expect(fromChange.status).toBe(400);
      expect(fromChange.body.error.message).toMatch(
        /^problemRef: problem PRB-1001 is closed/,
      );
    });

    it('finds changes by part of their title or ref', async () => {
      const { api } = await start();
      await api('post', '/changes').send(change());
      await api('post', '/changes').send(change({ title: 'Add an index' }));
      const found = await api('get', '/changes').query({ q: 'INDEX' });
      expect(found.body.items.map((c: any) => c.ref)).toEqual(['CHG-1002']);
      const byRef = await api('get', '/changes').query({ q: 'chg-1001' });
      expect(byRef.body.items.map((c: any) => c.ref)).toEqual(['CHG-1001']);
    });
  },
);
