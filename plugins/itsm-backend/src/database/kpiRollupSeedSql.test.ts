import fc from 'fast-check';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { IncidentFields } from './IncidentStore';
import { KPI_MEASURE_COLUMNS, KPI_ROLLUP_TABLES } from './kpiRollup';

// The benchmark seed fills the rollups in bulk SQL: it must agree with the
// rollups the store keeps (kpiContributions), or the bench measures wrong data.
/* eslint-disable @typescript-eslint/no-require-imports, @backstage/no-relative-monorepo-imports */
const {
  kpiRollupStatements,
  KPI_ROLLUP_MEASURES,
} = require('../../../../bench/kpiRollupSql');
/* eslint-enable @typescript-eslint/no-require-imports, @backstage/no-relative-monorepo-imports */

jest.setTimeout(120_000);

const databases = createTestDatabases();
const MIN = 60_000;
const T0 = Date.parse('2026-02-27T20:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

async function rollups(knex: Knex) {
  const out: Record<string, unknown[]> = {};
  for (const [table, keys] of Object.entries(KPI_ROLLUP_TABLES)) {
    const rows = await knex(table)
      .orderBy([...keys])
      .select();
    out[table] = rows
      .map(row => ({
        ...row,
        ...Object.fromEntries(
          KPI_MEASURE_COLUMNS.map(c => [c, Number(row[c])]),
        ),
      }))
      .filter(row => KPI_MEASURE_COLUMNS.some(c => row[c] !== 0));
  }
  return out;
}

const pg = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));
// Without PostgreSQL in the environment there is nothing to check.
const eachPostgres = pg.length
  ? describe.each(pg)
  : describe.skip.each([['POSTGRES_15' as const]]);

eachPostgres('the bench seed rollup SQL on %p', databaseId => {
  it('equals the rollups the store keeps', async () => {
    expect(KPI_ROLLUP_MEASURES).toEqual(KPI_MEASURE_COLUMNS);
    const knex = await databases.init(databaseId);
    const store = await DatabaseIncidentStore.create({
      database: { getClient: async () => knex },
    });
    const incident = fc.record({
      detected: fc.integer({ min: 0, max: 6 * 24 * 60 }),
      ack: fc.option(fc.integer({ min: 0, max: 50_000 })),
      resolve: fc.option(fc.integer({ min: 0, max: 70_000 })),
      status: fc.constantFrom('in_progress', 'resolved', 'closed', 'cancelled'),
      due: fc.integer({ min: 0, max: 3000 }),
      group: fc.constantFrom(undefined, 'group:default/x'),
      services: fc.constantFrom(
        ['component:default/a'],
        ['component:default/b', 'component:default/a'],
      ),
      reopenCount: fc.constantFrom(0, 2),
      workaround: fc.boolean(),
      caused: fc.boolean(),
    });
    for (const c of fc.sample(incident, { numRuns: 120, seed: 15 })) {
      const fields: IncidentFields = {
        title: 't',
        description: '',
        affectedServices: [...c.services],
        category: 'availability',
        impact: 'high',
        urgency: 'low',
        priority: 'P3',
        status: c.status as IncidentFields['status'],
        reporter: 'user:default/alice',
        source: 'portal',
        detectedAt: at(c.detected),
        acknowledgedAt: c.ack === null ? undefined : at(c.detected + c.ack),
        resolvedAt: c.resolve === null ? undefined : at(c.detected + c.resolve),
        resolutionCode: c.workaround ? 'workaround' : 'fixed',
        causedByChangeId: c.caused ? 'chg' : undefined,
        assignedGroup: c.group,
        major: false,
        reopenCount: c.reopenCount,
        sla: {
          policy: 'default',
          pauses: [],
          response: {
            targetMinutes: 1,
            calendar: '24x7',
            dueAt: at(c.detected + c.due / 10),
            warningAt: at(c.detected),
          },
          resolution: {
            targetMinutes: 1,
            calendar: '24x7',
            dueAt: at(c.detected + c.due),
            warningAt: at(c.detected),
          },
        },
      };
      await store.createIncident(fields, [], fields.detectedAt);
    }
    const kept = await rollups(knex);
    await knex.transaction(async tx => {
      for (const statement of kpiRollupStatements()) await tx.raw(statement);
    });
    expect(await rollups(knex)).toEqual(kept);
  });
});
