import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import {
  ITSM_SEARCH_TYPES,
  ItsmSearchDocument,
  itsmIncidentReadPermission,
  itsmProblemReadPermission,
  itsmReviewReadPermission,
} from '@openitsm/backstage-plugin-itsm-common';
import { startItsmWithSearchModule } from './__testUtils__/itsmTestBackend';

jest.setTimeout(120_000);

// SQLite always; PostgreSQL (and MySQL) when their connection strings are set.
const databases = TestDatabases.create({
  ids: [
    'SQLITE_3',
    ...(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
      ? (['POSTGRES_15'] as TestDatabaseId[])
      : []),
    ...(process.env.BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING
      ? (['MYSQL_8'] as TestDatabaseId[])
      : []),
  ],
  disableDocker: true,
});

const DAY_MS = 24 * 60 * 60 * 1000;
const payments = 'component:default/payments-api';
const gateway = 'component:default/notifications-gateway';

const report = (title: string, overrides: object = {}) => ({
  title,
  description: `${title}: customers see errors`,
  affectedServices: [payments],
  category: 'availability',
  impact: 'medium' as const,
  urgency: 'medium' as const,
  ...overrides,
});

describe('the ITSM search collators', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      return startItsmWithSearchModule({
        database: mockServices.database.factory({ knex }),
        // Three records a page, so five incidents take two pages.
        collatorConfig: { pageSize: 3, incidentWindowDays: 30 },
        history: async records => {
          await records.createIncident(
            report('Ledger export stalled in the spring'),
            {
              actor: 'user:default/alice',
              at: new Date(Date.now() - 45 * DAY_MS).toISOString(),
            },
          );
        },
      });
    }

    async function collect(
      collators: Awaited<ReturnType<typeof start>>['collators'],
      type: string,
    ): Promise<ItsmSearchDocument[]> {
      const collator = collators.find(c => c.factory.type === type)!;
      const { documents, error } = await TestPipeline.fromCollator(
        await collator.factory.getCollator(),
      ).execute();
      if (error) throw error;
      return documents as unknown as ItsmSearchDocument[];
    }

    it('registers one type per read permission', async () => {
      const { collators } = await start();
      expect(
        collators.map(c => [c.factory.type, c.factory.visibilityPermission]),
      ).toEqual([
        [ITSM_SEARCH_TYPES.incident, itsmIncidentReadPermission],
        [ITSM_SEARCH_TYPES.problem, itsmProblemReadPermission],
        [ITSM_SEARCH_TYPES.workaround, itsmProblemReadPermission],
        [ITSM_SEARCH_TYPES.review, itsmReviewReadPermission],
      ]);
    });

    it('indexes the incidents of the window, page after page, each authorized on its own', async () => {
      const { collators, api } = await start();
      const created: any[] = [];
      for (let i = 1; i <= 5; i++) {
        created.push(await api('POST', '/incidents', report(`Outage ${i}`)));
      }
      await api('PATCH', `/incidents/${created[0].ref}`, {
        version: created[0].version,
        assignedGroup: 'group:default/payments-team',
      });

      const documents = await collect(collators, ITSM_SEARCH_TYPES.incident);

      // Five of the last 30 days (two pages of three); not the one of 45 days ago.
      expect(documents.map(d => d.title).sort()).toEqual([
        'Outage 1',
        'Outage 2',
        'Outage 3',
        'Outage 4',
        'Outage 5',
      ]);
      expect(documents.find(d => d.ref === created[0].ref)).toEqual({
        title: 'Outage 1',
        text: 'Outage 1: customers see errors',
        location: `/itsm/incidents/${created[0].ref}`,
        kind: 'incident',
        ref: created[0].ref,
        status: 'new',
        priority: 'P3',
        entityRef: payments,
        owner: 'group:default/payments-team',
        lastUpdated: expect.any(String),
        authorization: { resourceRef: created[0].id },
      });
    });

    it('indexes problems with their workarounds, known errors standing alone, and where each opens', async () => {
      const { collators, api } = await start();
      const incident = await api('POST', '/incidents', report('Slow checkout'));
      const problem = await api('POST', '/problems', {
        title: 'Payments API slows down under peak load',
        description: 'Recurring latency at peak hours.',
        incidentIds: [incident.id],
        ownerGroup: 'group:default/payments-team',
      });
      const workaround = await api('POST', '/workarounds', {
        problemId: problem.ref,
        title: 'Raise the acquirer pool size',
        steps: 'Set ACQUIRER_POOL_SIZE=60 and restart the pods',
        affectedServices: [],
      });
      await api('PATCH', `/problems/${problem.ref}`, {
        version: problem.version,
        status: 'investigating',
      });
      const investigating = await api('GET', `/problems/${problem.ref}`);
      await api('PATCH', `/problems/${problem.ref}`, {
        version: investigating.version,
        status: 'known_error',
        rootCause: 'The acquirer connection pool is exhausted at peak.',
      });
      const standalone = await api('POST', '/workarounds', {
        title: 'SMS provider rate-limits bursts',
        steps: 'Switch bulk notifications to e-mail until the burst is over',
        affectedServices: [gateway],
      });
      const retired = await api('POST', '/workarounds', {
        problemId: problem.ref,
        title: 'Retired: page the acquirer',
        steps: 'Nobody answers any more',
        affectedServices: [],
        status: 'retired',
      });

      const problems = await collect(collators, ITSM_SEARCH_TYPES.problem);
      expect(problems).toEqual([
        {
          title: 'Payments API slows down under peak load',
          text: [
            'Recurring latency at peak hours.',
            'The acquirer connection pool is exhausted at peak.',
            'Raise the acquirer pool size',
            'Set ACQUIRER_POOL_SIZE=60 and restart the pods',
          ].join('\n\n'),
          location: `/itsm/problems/${problem.ref}`,
          kind: 'known-error',
          ref: problem.ref,
          status: 'known_error',
          entityRef: payments,
          owner: 'group:default/payments-team',
          lastUpdated: expect.any(String),
        },
      ]);

      const workarounds = await collect(
        collators,
        ITSM_SEARCH_TYPES.workaround,
      );
      expect(
        workarounds.map(d => [d.ref, d.kind, d.status, d.location]).sort(),
      ).toEqual([
        [
          workaround.ref,
          'workaround',
          'active',
          `/itsm/problems/${problem.ref}#${workaround.ref}`,
        ],
        [
          standalone.ref,
          'known-error',
          'active',
          `/catalog/default/component/notifications-gateway#${standalone.ref}`,
        ],
        [
          retired.ref,
          'workaround',
          'retired',
          `/itsm/problems/${problem.ref}#${retired.ref}`,
        ],
      ]);
      expect(workarounds.find(d => d.ref === standalone.ref)).toMatchObject({
        title: 'SMS provider rate-limits bursts',
        text: 'Switch bulk notifications to e-mail until the burst is over',
        entityRef: gateway,
      });
    });

    it('indexes published reviews only, with their sections, on the incident page', async () => {
      const { collators, api } = await start();
      const published = await api(
        'POST',
        '/incidents',
        report('Session store crash-looping', {
          impact: 'high',
          urgency: 'high',
        }),
      );
      const draftOnly = await api(
        'POST',
        '/incidents',
        report('Cache miss storm'),
      );
      await api('PUT', `/incidents/${draftOnly.ref}/review`, {
        sections: { summary: 'Still being written' },
      });
      const started = await api('PUT', `/incidents/${published.ref}/review`, {
        sections: {
          summary: 'Session store pods crash-looped after a deploy.',
          customerImpact: { usersAffected: 'All signed-in users' },
          rootCause: 'Memory limits below requests',
          fiveWhys: ['Pods were OOM-killed'],
          lessonsLearned: 'Check limits against requests before release',
        },
      });
      const submitted = await api('PUT', `/incidents/${published.ref}/review`, {
        version: started.version,
        status: 'in_review',
      });
      const approved = await api(
        'POST',
        `/incidents/${published.ref}/review/approvals`,
        { comment: 'Clear' },
      );
      expect(approved.version).toBeGreaterThan(submitted.version);
      await api('PUT', `/incidents/${published.ref}/review`, {
        version: approved.version,
        status: 'published',
      });

      const reviews = await collect(collators, ITSM_SEARCH_TYPES.review);
      expect(reviews).toEqual([
        {
          title: 'Session store crash-looping',
          text: [
            'Session store pods crash-looped after a deploy.',
            'All signed-in users',
            'Memory limits below requests',
            'Pods were OOM-killed',
            'Check limits against requests before release',
          ].join('\n\n'),
          location: `/itsm/incidents/${published.ref}#review`,
          kind: 'review',
          ref: published.ref,
          status: 'published',
          priority: 'P1',
          entityRef: payments,
          lastUpdated: expect.any(String),
        },
      ]);
    });
  });
});
