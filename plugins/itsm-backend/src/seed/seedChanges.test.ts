import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseChangeStore } from '../database/DatabaseChangeStore';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { ChangeService } from '../service/ChangeService';
import { EntityRefValidator } from '../service/EntityRefValidator';
import { IncidentService } from '../service/IncidentService';
import { readItsmConfig } from '../service/ItsmConfig';
import { SlaCalculator } from '../service/SlaCalculator';
import { seedChanges } from './seedChanges';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../../../..');
const databases = createTestDatabases();

describe('seedChanges', () => {
  it('replays the demo changes through the rules, with the demo config, once', async () => {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const incidentStore = await DatabaseIncidentStore.create({ database });
    const store = await DatabaseChangeStore.create({ database });
    const appConfig = yaml.load(
      fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
    ) as { itsm: object };
    const config = readItsmConfig(new ConfigReader({ itsm: appConfig.itsm }));
    const refs = new EntityRefValidator(catalogServiceMock({ entities: [] }));
    const changes = new ChangeService(
      store,
      incidentStore,
      refs,
      config.changes,
      { groupsOf: async () => ['group:default/cab'] },
    );
    const incidents = new IncidentService(
      incidentStore,
      refs,
      config,
      new SlaCalculator(config.sla),
      { tierOf: async () => 'default' },
    );
    const options = {
      file: path.join(root, 'examples/itsm-seed/changes.json'),
      store,
      changes,
      incidents,
      logger: mockServices.logger.mock(),
      now: new Date('2026-11-23T12:00:00Z'),
    };
    expect(await seedChanges(options)).toBe(6);
    expect(await seedChanges(options)).toBe(0);

    const { items } = await store.listChanges({ limit: 10 });
    expect(
      items.map(c => [c.ref, c.type, c.status, c.outcome ?? null]),
    ).toEqual([
      ['CHG-1006', 'normal', 'scheduled', null],
      ['CHG-1005', 'normal', 'scheduled', null],
      ['CHG-1004', 'normal', 'authorize', null],
      ['CHG-1003', 'emergency', 'closed', 'successful'],
      ['CHG-1002', 'standard', 'closed', 'successful'],
      ['CHG-1001', 'normal', 'closed', 'rolled_back'],
    ]);
    expect(items[0].freezeOverrideReason).toMatch(/Finance/);
    const caused = await store.listCausedIncidents(items[5].id);
    expect(caused).toEqual([expect.objectContaining({ status: 'resolved' })]);
    await knex.destroy();
  });
});
