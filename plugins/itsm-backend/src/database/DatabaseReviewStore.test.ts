import { ConflictError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { alice, checkout, ledger } from '../__testUtils__/problemStores';
import { setupReviewStores } from '../__testUtils__/reviewStores';
import { ActionItemOverdueMonitor } from '../service/ActionItemOverdueMonitor';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const at = '2026-11-21T09:00:00.000Z';
const started = {
  type: 'review_changed' as const,
  actor: alice,
  message: 'Started',
};

describe('review and action item stores', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const setup = () => setupReviewStores(databases, databaseId);

    it('starts one review per incident: two writers racing to start it get one 409', async () => {
      const { reviews, incidents, report } = await setup();
      const incident = await report({ major: true });
      const results = await Promise.allSettled(
        [1, 2].map(() =>
          reviews.createReview(
            incident.id,
            { sections: { summary: 'x' }, reviewers: [], createdBy: alice },
            started,
            at,
          ),
        ),
      );
      expect(results.map(r => r.status).sort()).toEqual([
        'fulfilled',
        'rejected',
      ]);
      const refused = results.find(r => r.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(
        ConflictError,
      );
      const review = await reviews.getReview(incident.id);
      expect(review).toMatchObject({
        status: 'draft',
        revision: 1,
        version: 1,
        sections: { summary: 'x' },
        approvals: [],
      });
      const timeline = await incidents.listTimeline(incident.id, { limit: 10 });
      expect(timeline.items.map(e => e.type)).toEqual([
        'created',
        'review_changed',
      ]);
    });

    it('two writers racing on one review version: one wins, the other gets a 409', async () => {
      const { reviews, report } = await setup();
      const incident = await report({ major: true });
      const review = await reviews.createReview(
        incident.id,
        { sections: {}, reviewers: [], createdBy: alice },
        started,
        at,
      );
      const results = await Promise.allSettled(
        ['first', 'second'].map(summary =>
          reviews.updateReview(review, 1, { sections: { summary } }, [], at),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find(r => r.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(
        ConflictError,
      );
      expect((await reviews.getReview(incident.id))!.version).toBe(2);
      await expect(
        reviews.updateReview(review, 1, { status: 'in_review' }, [], at),
      ).rejects.toThrow(/changed by someone else \(version 2, you sent 1\)/);
    });

    it('lists reviews to write (blocked first), in review and published, by service', async () => {
      const { reviews, report, setStatus } = await setup();
      const blocked = await report({ major: true, title: 'Blocked' });
      await setStatus(blocked.id, 'resolved');
      const open = await report({ major: true, title: 'Open major' });
      const p1 = await report({
        priority: 'P1',
        title: 'P1 on ledger',
        affectedServices: [ledger],
      });
      await report({ title: 'Minor' });
      const inReview = await report({ major: true, title: 'In review' });
      const r = await reviews.createReview(
        inReview.id,
        { sections: {}, reviewers: [], createdBy: alice },
        started,
        at,
      );
      await reviews.updateReview(r, 1, { status: 'in_review' }, [], at);
      const published = await report({ major: true, title: 'Published' });
      const p = await reviews.createReview(
        published.id,
        { sections: {}, reviewers: [], createdBy: alice },
        started,
        at,
      );
      await reviews.updateReview(
        p,
        1,
        { status: 'published', publishedAt: at, publishedBy: alice },
        [],
        at,
      );

      const list = async (filter: object) =>
        (
          await reviews.listReviews({
            status: 'to_write',
            requiredForPriorities: [],
            limit: 50,
            ...filter,
          })
        ).items.map(i => i.incidentTitle);
      expect((await list({})).sort()).toEqual(['Blocked', 'Open major']);
      expect(await list({ blocked: true })).toEqual(['Blocked']);
      expect(await list({ blocked: false })).toEqual(['Open major']);
      expect((await list({ requiredForPriorities: ['P1'] })).sort()).toEqual(
        ['Blocked', 'Open major', 'P1 on ledger'].sort(),
      );
      expect(
        await list({ requiredForPriorities: ['P1'], entityRef: ledger }),
      ).toEqual(['P1 on ledger']);
      expect(await list({ status: 'in_review' })).toEqual(['In review']);
      const page = await reviews.listReviews({
        status: 'published',
        requiredForPriorities: [],
        limit: 50,
        entityRef: checkout,
      });
      expect(page.items).toEqual([
        expect.objectContaining({
          incidentRef: published.ref,
          reviewStatus: 'published',
          publishedAt: at,
          affectedServices: [checkout],
          blocksClosing: false,
        }),
      ]);
      const [blockedItem] = (
        await reviews.listReviews({
          status: 'to_write',
          blocked: true,
          requiredForPriorities: [],
          limit: 50,
        })
      ).items;
      expect(blockedItem).toMatchObject({ blocksClosing: true });
      expect(p1.priority).toBe('P1');
      expect(open.major).toBe(true);
    });

    it('numbers action items ACT-n, lists overdue first and pages with a cursor', async () => {
      const { actionItems, report } = await setup();
      const incident = await report({ major: true });
      const item = (title: string, dueDate: string, owner = alice) =>
        actionItems.createActionItem(
          {
            title,
            owner,
            dueDate,
            status: 'open',
            incidentId: incident.id,
            createdBy: alice,
          },
          at,
        );
      const later = await item('Later', '2026-12-20');
      const overdue = await item('Overdue', '2026-11-10');
      const done = await item('Done long ago', '2026-11-01');
      await actionItems.updateActionItem(
        done.id,
        1,
        { status: 'done', completedAt: at },
        at,
        '2026-11-29',
      );
      const other = await item('Group item', '2026-11-15', 'group:default/sre');
      expect([later.ref, overdue.ref]).toEqual(['ACT-1001', 'ACT-1002']);
      expect(later.incidentRef).toBe(incident.ref);

      const today = '2026-11-29';
      const all = await actionItems.listActionItems({ today, limit: 50 });
      expect(all.items.map(i => [i.title, i.overdue])).toEqual([
        ['Overdue', true],
        ['Group item', true],
        ['Later', false],
        ['Done long ago', false],
      ]);
      const overdueOnly = await actionItems.listActionItems({
        today,
        overdue: true,
        owner: [alice],
        limit: 50,
      });
      expect(overdueOnly.items.map(i => i.ref)).toEqual([overdue.ref]);
      expect(
        (
          await actionItems.listActionItems({
            today,
            entityRef: checkout,
            status: ['open'],
            limit: 50,
          })
        ).items.map(i => i.title),
      ).toEqual(['Overdue', 'Group item', 'Later']);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await actionItems.listActionItems({
          today,
          limit: 1,
          cursor,
        });
        seen.push(...page.items.map(i => i.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map(i => i.title));
      expect(other.owner).toBe('group:default/sre');

      await expect(
        actionItems.updateActionItem(later.id, 7, { title: 'x' }, at, today),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it('tells the owner of an overdue item exactly once, with two instances racing', async () => {
      const { actionItems, secondActionItems, report } = await setup();
      const incident = await report({ major: true });
      for (const [title, dueDate] of [
        ['Overdue A', '2026-11-10'],
        ['Overdue B', '2026-11-12'],
        ['Due today', '2026-11-29'],
      ]) {
        await actionItems.createActionItem(
          {
            title,
            owner: alice,
            dueDate,
            status: 'open',
            incidentId: incident.id,
            createdBy: alice,
          },
          at,
        );
      }
      const sent: string[] = [];
      const notifier = {
        notify: async (item: { title: string }, why: string) => {
          sent.push(`${item.title}:${why}`);
        },
      };
      const now = '2026-11-29T08:00:00.000Z';
      const one = new ActionItemOverdueMonitor(actionItems, notifier);
      const two = new ActionItemOverdueMonitor(secondActionItems, notifier);
      await Promise.all([one.run(now), two.run(now), one.run(now)]);
      await two.run(now);
      expect(sent.sort()).toEqual(['Overdue A:overdue', 'Overdue B:overdue']);
    });
  });
});
