import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  alice,
  checkout,
  ledger,
  problemFields,
  opened,
  setupProblemStores,
} from '../__testUtils__/problemStores';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('problem stores', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const setup = () => setupProblemStores(databases, databaseId);

    it("lists a service's open workarounds: active, of an unresolved problem or standalone, with use counts", async () => {
      const { problems, workarounds, report } = await setup();
      const a = await report();
      const b = await report();
      const problem = await problems.createProblem(
        problemFields(),
        { link: [a.id], actor: alice },
        [opened],
        '2026-11-02T09:00:00.000Z',
      );
      const publish = (
        title: string,
        problemId?: string,
        services = [checkout],
      ) =>
        workarounds.createWorkaround(
          {
            problemId,
            title,
            steps: '1. Restart',
            affectedServices: services,
            status: 'active',
            createdBy: alice,
          },
          [{ type: 'workaround_published', actor: alice, message: title }],
          '2026-11-02T10:00:00.000Z',
        );
      const restart = await publish('Restart the pods', problem.id);
      const standalone = await publish('Clear the CDN cache');
      const retired = await publish('Old trick', problem.id);
      await publish('Elsewhere', undefined, [ledger]);
      await workarounds.updateWorkaround(
        retired.id,
        1,
        { status: 'retired' },
        [{ type: 'workaround_changed', actor: alice, message: 'retired' }],
        '2026-11-02T11:00:00.000Z',
      );
      await workarounds.recordUse(
        restart.id,
        a.id,
        alice,
        {
          type: 'workaround_applied',
          actor: alice,
          message: 'Applied WA-1001',
        },
        '2026-11-02T12:00:00.000Z',
      );
      const used = await workarounds.recordUse(
        restart.id,
        b.id,
        alice,
        {
          type: 'workaround_applied',
          actor: alice,
          message: 'Applied WA-1001',
        },
        '2026-11-02T12:00:00.000Z',
      );
      expect(used.useCount).toBe(2);
      await expect(
        workarounds.recordUse(
          restart.id,
          b.id,
          alice,
          {
            type: 'workaround_applied',
            actor: alice,
            message: 'again',
          },
          '2026-11-02T12:00:00.000Z',
        ),
      ).rejects.toThrow(ConflictError);

      const open = async () =>
        (
          await workarounds.listWorkarounds({
            entityRef: checkout,
            open: true,
            limit: 10,
          })
        ).items.map(w => [w.ref, w.problemRef, w.useCount]);
      expect(await open()).toEqual(
        expect.arrayContaining([
          [restart.ref, 'PRB-1001', 2],
          [standalone.ref, undefined, 0],
        ]),
      );
      expect(await open()).toHaveLength(2);

      // Resolving the problem closes its workarounds; standalone ones stay
      await problems.updateProblem(
        problem.id,
        1,
        { status: 'resolved' },
        [],
        '2026-11-03T00:00:00.000Z',
      );
      expect(await open()).toEqual([[standalone.ref, undefined, 0]]);
      // The problem's own list still shows them all
      expect(
        (
          await workarounds.listWorkarounds({
            problemId: problem.id,
            limit: 10,
          })
        ).items,
      ).toHaveLength(2);
    });
  });
});
