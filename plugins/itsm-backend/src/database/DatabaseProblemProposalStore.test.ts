import { ConflictError } from '@backstage/errors';
import { RecurrenceDetector } from '../service/RecurrenceDetector';
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
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const setup = () => setupProblemStores(databases, databaseId);

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
