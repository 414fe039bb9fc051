import { mockServices } from '@backstage/backend-test-utils';
import { readItsmConfig } from '../service/ItsmConfig';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { DatabaseProblemStore } from '../database/DatabaseProblemStore';
import { DatabaseWorkaroundStore } from '../database/DatabaseWorkaroundStore';
import { DatabaseSimilarIncidents } from '../database/DatabaseSimilarIncidents';
import { EntityRefValidator } from '../service/EntityRefValidator';
import { IncidentService } from '../service/IncidentService';
import { ProblemService } from '../service/ProblemService';
import { SlaCalculator } from '../service/SlaCalculator';
import { WorkaroundService } from '../service/WorkaroundService';
import { seedIncidents } from './seedIncidents';
import { seedProblems } from './seedProblems';
import path from 'node:path';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const seedDir = path.resolve(__dirname, '../../../../examples/itsm-seed');

describe('demo seed of problems', () => {
  it('links the example incidents, walks the lifecycles and publishes workarounds, once', async () => {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const store = await DatabaseIncidentStore.create({ database });
    const refs = new EntityRefValidator({} as any);
    const config = readItsmConfig(mockServices.rootConfig());
    const logger = mockServices.logger.mock();
    await seedIncidents({
      file: path.join(seedDir, 'incidents.json'),
      store,
      incidents: new IncidentService(
        store,
        refs,
        config,
        new SlaCalculator(config.sla),
        { tierOf: async () => 'default' },
      ),
      logger,
    });
    const problemStore = await DatabaseProblemStore.create({ database });
    const workaroundStore = await DatabaseWorkaroundStore.create({ database });
    const options = {
      file: path.join(seedDir, 'problems.json'),
      incidentStore: store,
      problemStore,
      problems: new ProblemService(problemStore, store, refs),
      workarounds: new WorkaroundService(
        workaroundStore,
        store,
        await DatabaseSimilarIncidents.create({ database }),
        refs,
      ),
      logger,
    };
    expect(await seedProblems(options)).toBe(3);
    expect(await seedProblems(options)).toBe(0);

    const { items } = await problemStore.listProblems({
      limit: 10,
      now: new Date().toISOString(),
    });
    expect(
      items.map(p => [p.title, p.status, p.incidentCount > 0]).reverse(),
    ).toEqual([
      ['Payments API slows down under peak load', 'known_error', true],
      [
        'Checkout rejects valid requests after schema change',
        'fix_in_progress',
        true,
      ],
      ['Billing worker sends duplicate receipts', 'resolved', true],
    ]);
    const open = await workaroundStore.listWorkarounds({
      entityRef: 'component:default/payments-api',
      open: true,
      limit: 10,
    });
    expect(open.items.map(w => [w.title, w.useCount])).toEqual([
      ['Raise the acquirer pool size and restart the pods', 3],
    ]);
    const known = await workaroundStore.listWorkarounds({
      entityRef: 'component:default/notifications-gateway',
      open: true,
      limit: 10,
    });
    expect(known.items.map(w => w.problemRef)).toEqual([undefined]);
  });
});
