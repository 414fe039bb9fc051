import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { DatabaseProblemProposalStore } from './DatabaseProblemProposalStore';
import { DatabaseProblemStore } from './DatabaseProblemStore';
import { DatabaseSimilarIncidents } from './DatabaseSimilarIncidents';
import { DatabaseWorkaroundStore } from './DatabaseWorkaroundStore';
import { IncidentFields } from './IncidentStore';
import { ProblemFields } from './ProblemStore';
import { RecurrenceDetector } from '../service/RecurrenceDetector';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const alice = 'user:default/alice';
const checkout = 'component:default/checkout-web';
const ledger = 'component:default/ledger';
const search = 'component:default/search';

function incident(overrides: Partial<IncidentFields> = {}): IncidentFields {
  return {
    title: 'Checkout latency above 2s',
    description: 'p95 latency doubled',
    affectedServices: [checkout],
    category: 'performance',
    impact: 'medium',
    urgency: 'medium',
    priority: 'P3',
    status: 'new',
    reporter: alice,
    source: 'portal',
    detectedAt: '2026-11-01T10:00:00.000Z',
    major: false,
    reopenCount: 0,
    ...overrides,
  };
}

const problemFields = (
  overrides: Partial<ProblemFields> = {},
): ProblemFields => ({
  title: 'Checkout slows down under load',
  description: '',
  status: 'new',
  addedServices: [],
  createdBy: alice,
  ...overrides,
});

const opened = { type: 'created' as const, actor: alice, message: 'Opened' };

describe('problem stores', () => {
  it('run on PostgreSQL when the test command requires it', () => {
    const required = Boolean(process.env.ITSM_REQUIRE_POSTGRES);
    expect(!required || databases.supports('POSTGRES_15')).toBe(true);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex: Knex = await databases.init(databaseId);
      const database = { getClient: async () => knex };
      const incidents = await DatabaseIncidentStore.create({ database });
      return {
        knex,
        incidents,
        problems: await DatabaseProblemStore.create({ database }),
        workarounds: await DatabaseWorkaroundStore.create({ database }),
        proposals: await DatabaseProblemProposalStore.create({ database }),
        similar: await DatabaseSimilarIncidents.create({ database }),
        report: (overrides: Partial<IncidentFields> = {}) =>
          incidents.createIncident(
            incident(overrides),
            [{ type: 'created', actor: alice, message: 'Reported' }],
            overrides.detectedAt ?? '2026-11-01T10:00:00.000Z',
          ),
      };
    }

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

    it('finds similar open incidents of a service in the database', async () => {
      const { similar, report } = await setup();
      const latency = await report({ title: 'Checkout latency above 2s' });
      const timeouts = await report({
        title: 'Payment step times out',
        description: 'checkout requests hit the gateway timeout',
      });
      await report({ title: 'Checkout latency again', status: 'resolved' });
      await report({ title: 'Checkout latency', affectedServices: [ledger] });
      await report({ title: 'Checkout latency', category: 'availability' });

      const ids = await similar.find({
        entityRef: checkout,
        text: 'Checkout latency is high',
        category: 'performance',
        limit: 5,
      });
      expect(ids[0]).toBe(latency.id);
      expect(ids).toEqual([latency.id, timeouts.id]);
      expect(
        await similar.find({ entityRef: checkout, text: 'of the', limit: 5 }),
      ).toEqual([]);
    });

    it('detects recurrence on a fixture with a known answer, and a dismissed set stays dismissed', async () => {
      const { proposals, problems, report } = await setup();
      const at = (day: number) =>
        `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
      // checkout: 3 performance incidents within 7 days → one proposal
      const perf = [
        await report({ detectedAt: at(15), title: 'Slow cart' }),
        await report({ detectedAt: at(17), title: 'p95 doubled' }),
        await report({ detectedAt: at(19), title: 'Checkout sluggish' }),
      ];
      // …but a fourth one outside the window does not count
      await report({ detectedAt: at(1), title: 'Old slowness' });
      // ledger: 3 similar titles in different categories → one proposal
      const exports = [
        await report({
          affectedServices: [ledger],
          category: 'data',
          detectedAt: at(18),
          title: 'Ledger export failed',
        }),
        await report({
          affectedServices: [ledger],
          category: 'functionality',
          detectedAt: at(19),
          title: 'ledger export failed again',
        }),
        await report({
          affectedServices: [ledger],
          category: 'other',
          detectedAt: at(20),
          title: 'Ledger export failed (EU)',
        }),
      ];
      // search: only two → nothing; a P1 on search → its own proposal
      await report({ affectedServices: [search], detectedAt: at(20) });
      const p1 = await report({
        affectedServices: [search],
        detectedAt: at(21),
        priority: 'P1',
        title: 'Search down',
      });
      // Already linked incidents are not proposed again
      const linked = await report({
        affectedServices: [search],
        detectedAt: at(21),
        major: true,
      });
      await problems.createProblem(
        problemFields(),
        { link: [linked.id], actor: alice },
        [opened],
        at(21),
      );

      const detector = new RecurrenceDetector(proposals, {
        minIncidents: 3,
        windowDays: 7,
        titleSimilarity: 0.5,
        includeMajor: true,
      });
      expect(await detector.run(at(22))).toBe(3);
      const open = await proposals.listProposals({ status: 'open', limit: 10 });
      const sets = open.items
        .map(p => [p.entityRef, p.reason, [...p.incidentRefs].sort()])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
      expect(sets).toEqual([
        [checkout, 'recurrence', perf.map(i => i.ref).sort()],
        [ledger, 'recurrence', exports.map(i => i.ref).sort()],
        [search, 'major', [p1.ref]],
      ]);

      // Running again proposes nothing new
      expect(await detector.run(at(22))).toBe(0);

      const ledgerProposal = open.items.find(p => p.entityRef === ledger)!;
      const dismissed = await proposals.dismiss(
        ledgerProposal.id,
        alice,
        at(22),
      );
      expect(dismissed).toMatchObject({
        status: 'dismissed',
        decidedBy: alice,
      });
      await expect(
        proposals.dismiss(ledgerProposal.id, alice, at(22)),
      ).rejects.toThrow(ConflictError);
      expect(await detector.run(at(23))).toBe(0);
      expect(
        (
          await proposals.listProposals({
            status: 'open',
            entityRef: ledger,
            limit: 10,
          })
        ).items,
      ).toEqual([]);

      // Accepting makes a problem with the incidents linked, once
      const checkoutProposal = open.items.find(p => p.entityRef === checkout)!;
      const problem = await problems.createProblem(
        problemFields({ title: checkoutProposal.title }),
        { link: checkoutProposal.incidentIds, actor: alice },
        [opened],
        at(23),
        { fromProposalId: checkoutProposal.id },
      );
      expect(problem.incidentCount).toBe(3);
      expect(await proposals.getProposal(checkoutProposal.id)).toMatchObject({
        status: 'accepted',
        problemId: problem.id,
      });
      await expect(
        problems.createProblem(
          problemFields(),
          { link: [], actor: alice },
          [opened],
          at(23),
          {
            fromProposalId: checkoutProposal.id,
          },
        ),
      ).rejects.toThrow(ConflictError);
    });
  });
});
