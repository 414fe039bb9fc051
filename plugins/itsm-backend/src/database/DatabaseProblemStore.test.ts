import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  alice,
  checkout,
  ledger,
  search,
  problemFields,
  opened,
  setupProblemStores,
} from '../__testUtils__/problemStores';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('problem stores', () => {
  it('run on PostgreSQL when the test command requires it', () => {
    const required = Boolean(process.env.ITSM_REQUIRE_POSTGRES);
    expect(!required || databases.supports('POSTGRES_15')).toBe(true);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const setup = () => setupProblemStores(databases, databaseId);

    it('links incidents: services are their union plus those added by hand, and each incident timeline says so', async () => {
      const { problems, incidents, report } = await setup();
      const a = await report();
      const b = await report({ affectedServices: [ledger, checkout] });
      const problem = await problems.createProblem(
        problemFields({ addedServices: [search] }),
        { link: [a.id, b.id], actor: alice },
        [opened],
        '2026-11-02T09:00:00.000Z',
      );
      expect(problem).toMatchObject({
        ref: 'PRB-1001',
        status: 'new',
        incidentCount: 2,
        addedServices: [search],
        version: 1,
      });
      expect([...problem.affectedServices].sort()).toEqual(
        [checkout, ledger, search].sort(),
      );
      expect(await incidents.getIncident(a.id)).toMatchObject({
        problemId: problem.id,
        version: 2,
      });
      const timeline = await incidents.listTimeline(a.id, { limit: 10 });
      expect(timeline.items.map(e => [e.type, e.message])).toEqual([
        ['created', 'Reported'],
        ['problem_linked', 'Linked to problem PRB-1001'],
      ]);

      // An incident belongs to at most one problem
      const other = await problems.createProblem(
        problemFields({ title: 'Other' }),
        { link: [], actor: alice },
        [opened],
        '2026-11-02T10:00:00.000Z',
      );
      await expect(
        problems.changeIncidentLinks(
          other.id,
          1,
          { link: [a.id], unlink: [], actor: alice },
          [],
          '2026-11-02T11:00:00.000Z',
        ),
      ).rejects.toThrow(/INC-1001 is already linked to problem PRB-1001/);
      // …and nothing was half-written: the other problem kept its version
      expect((await problems.getProblem(other.id))!.version).toBe(1);

      const unlinked = await problems.changeIncidentLinks(
        problem.id,
        1,
        { link: [], unlink: [b.id], actor: alice },
        [
          {
            type: 'incidents_unlinked',
            actor: alice,
            message: 'Unlinked INC-1002',
          },
        ],
        '2026-11-02T12:00:00.000Z',
      );
      expect(unlinked).toMatchObject({ incidentCount: 1, version: 2 });
      expect([...unlinked.affectedServices].sort()).toEqual(
        [checkout, search].sort(),
      );
      expect((await incidents.getIncident(b.id))!.problemId).toBeUndefined();
      await expect(
        problems.changeIncidentLinks(
          problem.id,
          1,
          { link: [b.id], unlink: [], actor: alice },
          [],
          '2026-11-02T13:00:00.000Z',
        ),
      ).rejects.toThrow(ConflictError);

      const events = await problems.listEvents('problem', problem.id, {
        limit: 10,
      });
      expect(events.items.map(e => e.type)).toEqual([
        'created',
        'incidents_unlinked',
      ]);
    });

    it('updates with versions and lists by status, service, owner group and age', async () => {
      const { problems, report } = await setup();
      const a = await report({ affectedServices: [ledger] });
      const p1 = await problems.createProblem(
        problemFields({ ownerGroup: 'group:default/sre' }),
        { link: [a.id], actor: alice },
        [opened],
        '2026-10-01T09:00:00.000Z',
      );
      const p2 = await problems.createProblem(
        problemFields({ title: 'Search index stale' }),
        { link: [], actor: alice },
        [opened],
        '2026-11-20T09:00:00.000Z',
      );
      const updated = await problems.updateProblem(
        p1.id,
        1,
        { status: 'investigating', rootCause: 'Pool too small' },
        [
          {
            type: 'status_changed',
            actor: alice,
            message: 'new → investigating',
          },
        ],
        '2026-11-20T10:00:00.000Z',
      );
      expect(updated).toMatchObject({
        status: 'investigating',
        rootCause: 'Pool too small',
        version: 2,
      });
      await expect(
        problems.updateProblem(
          p1.id,
          1,
          { title: 'x' },
          [],
          '2026-11-21T00:00:00.000Z',
        ),
      ).rejects.toThrow(ConflictError);

      const list = (query: object) =>
        problems
          .listProblems({
            limit: 10,
            now: '2026-11-23T00:00:00.000Z',
            ...query,
          })
          .then(page => page.items.map(p => p.ref));
      expect(await list({})).toEqual([p2.ref, p1.ref]);
      expect(await list({ status: ['investigating'] })).toEqual([p1.ref]);
      expect(await list({ entityRef: ledger })).toEqual([p1.ref]);
      expect(await list({ ownerGroup: 'group:default/sre' })).toEqual([p1.ref]);
      expect(await list({ minAgeDays: 30 })).toEqual([p1.ref]);
      expect(await list({ q: 'search' })).toEqual([p2.ref]);

      const first = await problems.listProblems({
        limit: 1,
        now: '2026-11-23T00:00:00.000Z',
      });
      expect(first.totalCount).toBe(2);
      const second = await problems.listProblems({
        limit: 1,
        now: '2026-11-23T00:00:00.000Z',
        cursor: first.nextCursor,
      });
      expect(second.items.map(p => p.ref)).toEqual([p1.ref]);
      expect(second.nextCursor).toBeUndefined();
    });
  });
});
