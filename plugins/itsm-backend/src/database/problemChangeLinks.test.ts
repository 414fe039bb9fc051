import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  alice,
  ledger,
  opened,
  problemFields,
  setupProblemStores,
} from '../__testUtils__/problemStores';
import { DatabaseChangeStore } from './DatabaseChangeStore';
import { ChangeFields } from './ChangeStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const at = '2026-11-02T09:00:00.000Z';

const changeFields = (overrides: Partial<ChangeFields> = {}): ChangeFields => ({
  title: 'Raise the export timeout',
  description: '',
  type: 'standard',
  risk: 'low',
  status: 'new',
  affectedServices: [ledger],
  requester: alice,
  plannedStart: '2026-12-01T10:00:00.000Z',
  plannedEnd: '2026-12-01T11:00:00.000Z',
  implementationPlan: '',
  backoutPlan: '',
  testPlan: '',
  approvalRound: 0,
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'the problem–change link in the stores, on %p',
  databaseId => {
    async function setup() {
      const stores = await setupProblemStores(databases, databaseId);
      const changes = await DatabaseChangeStore.create({
        database: { getClient: async () => stores.knex },
      });
      const created = {
        type: 'created' as const,
        actor: alice,
        message: 'Requested',
      };
      return { ...stores, changes, created };
    }

    it('links and unlinks in one transaction: a change taken meanwhile rolls back the whole write', async () => {
      const { problems, changes, created, knex } = await setup();
      const problem = await problems.createProblem(
        problemFields(),
        { link: [], actor: alice },
        [opened],
        at,
      );
      const other = await problems.createProblem(
        problemFields({ title: 'Other' }),
        { link: [], actor: alice },
        [opened],
        at,
      );
      const a = await changes.createChange(changeFields(), created, at);
      const b = await changes.createChange(
        changeFields({ title: 'Add an index', problemRef: other.ref }),
        created,
        at,
        c => [
          {
            problemId: other.id,
            event: {
              type: 'changes_linked',
              actor: alice,
              message: `Linked ${c.ref}`,
            },
          },
        ],
      );
      expect((await problems.getProblem(other.id))!.fixChanges).toEqual([
        expect.objectContaining({ ref: b.ref, status: 'new' }),
      ]);

      // b names another problem: nothing is written, a stays unlinked
      await expect(
        problems.changeChangeLinks(
          problem.id,
          1,
          { link: [a.id, b.id], unlink: [], actor: alice },
          [{ type: 'changes_linked', actor: alice, message: 'Linked' }],
          at,
        ),
      ).rejects.toThrow(ConflictError);
      expect((await changes.getChange(a.id))!).toMatchObject({ version: 1 });
      expect((await changes.getChange(a.id))!.problemRef).toBeUndefined();
      expect((await problems.getProblem(problem.id))!.version).toBe(1);
      const events = await knex('itsm_problem_events').where({
        subject_id: problem.id,
      });
      expect(events.map(e => e.type)).toEqual(['created']);

      const linked = await problems.changeChangeLinks(
        problem.id,
        1,
        { link: [a.id], unlink: [], actor: alice },
        [{ type: 'changes_linked', actor: alice, message: 'Linked' }],
        at,
      );
      expect(linked.version).toBe(2);
      expect(linked.fixChanges.map(c => c.ref)).toEqual([a.ref]);
      expect((await changes.getChange(a.id))!).toMatchObject({
        problemRef: problem.ref,
        version: 2,
      });
      await expect(
        problems.changeChangeLinks(
          problem.id,
          1,
          { link: [], unlink: [a.id], actor: alice },
          [],
          at,
        ),
      ).rejects.toThrow(ConflictError); // stale problem version
    });
  },
);
