import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DatabaseActionItemStore } from '../database/DatabaseActionItemStore';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { DatabaseReviewStore } from '../database/DatabaseReviewStore';
import { IncidentFields } from '../database/IncidentStore';
import { alice, checkout } from './problemStores';

/** The review stores on one test database, two action item stores (replicas). */
export async function setupReviewStores(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex: Knex = await databases.init(databaseId);
  const database = { getClient: async () => knex };
  const incidents = await DatabaseIncidentStore.create({ database });
  let minute = 0;
  return {
    knex,
    incidents,
    reviews: await DatabaseReviewStore.create({ database }),
    actionItems: await DatabaseActionItemStore.create({ database }),
    secondActionItems: await DatabaseActionItemStore.create({
      database: { getClient: async () => knex },
    }),
    report: (overrides: Partial<IncidentFields> = {}): Promise<Incident> => {
      minute += 1;
      const detectedAt = new Date(
        Date.parse('2026-11-20T09:00:00.000Z') + minute * 60_000,
      ).toISOString();
      return incidents.createIncident(
        {
          title: 'Card payments failing',
          description: '',
          affectedServices: [checkout],
          category: 'availability',
          impact: 'high',
          urgency: 'high',
          priority: 'P2',
          status: 'new',
          reporter: alice,
          source: 'portal',
          detectedAt,
          major: false,
          reopenCount: 0,
          ...overrides,
        },
        [{ type: 'created', actor: alice, message: 'Reported' }],
        detectedAt,
      );
    },
    setStatus: async (id: string, status: Incident['status']) => {
      const current = (await incidents.getIncident(id))!;
      await incidents.updateIncident(
        id,
        current.version,
        { status },
        [{ type: 'status_changed', actor: alice, message: status }],
        '2026-11-20T11:00:00.000Z',
      );
    },
  };
}
