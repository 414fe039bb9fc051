import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { DatabaseProblemProposalStore } from '../database/DatabaseProblemProposalStore';
import { DatabaseProblemStore } from '../database/DatabaseProblemStore';
import { DatabaseSimilarIncidents } from '../database/DatabaseSimilarIncidents';
import { DatabaseWorkaroundStore } from '../database/DatabaseWorkaroundStore';
import { IncidentFields } from '../database/IncidentStore';
import { ProblemFields } from '../database/ProblemStore';

/** The reporter, and the services incidents and problems name. */
export const alice = 'user:default/alice';
export const checkout = 'component:default/checkout-web';
export const ledger = 'component:default/ledger';
export const search = 'component:default/search';

/** A medium checkout-web performance incident, as reported by alice. */
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

/** A new problem opened by alice. */
export const problemFields = (
  overrides: Partial<ProblemFields> = {},
): ProblemFields => ({
  title: 'Checkout slows down under load',
  description: '',
  status: 'new',
  addedServices: [],
  createdBy: alice,
  ...overrides,
});

/** The created event of a problem. */
export const opened = {
  type: 'created' as const,
  actor: alice,
  message: 'Opened',
};

/** Every problem-side store on one test database, and a way to report incidents. */
export async function setupProblemStores(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
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
