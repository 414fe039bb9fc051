import fc from 'fast-check';
import { Knex } from 'knex';
import {
  KPI_MEASURES,
  kpiDayOf,
  SlaPause,
} from '@openitsm/backstage-plugin-itsm-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { IncidentChanges, IncidentFields } from './IncidentStore';
import { DbTime } from './DbTime';
import {
  addKpiContributions,
  emptyKpiDeltas,
  KPI_ROLLUP_TABLES,
  KpiRollupTable,
  measureColumn,
  readKpiSnapshots,
} from './kpiRollup';

jest.setTimeout(240_000);

const databases = createTestDatabases();
const HOUR = 3600_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();

const services = fc.constantFrom(
  'component:default/a',
  'component:default/b',
  'component:default/c',
);
const priority = fc.constantFrom('P1', 'P2', 'P3') as fc.Arbitrary<
  IncidentFields['priority']
>;
const category = fc.constantFrom('availability', 'performance');
const group = fc.constantFrom(undefined, 'group:default/x', 'group:default/y');
const hours = fc.integer({ min: 0, max: 24 * 20 });

type Command =
  | {
      kind: 'create';
      services: string[];
      priority: IncidentFields['priority'];
      category: string;
      group?: string;
      at: number;
      responseDue: number;
      resolutionDue: number;
    }
  | { kind: 'acknowledge'; target: number; after: number }
  | { kind: 'hold'; target: number; after: number; resumeAfter: number }
  | {
      kind: 'resolve';
      target: number;
      after: number;
      workaround: boolean;
      /** What the resolution clock counted, in business time (none: no clock). */
      businessMs: number | null;
    }
  | { kind: 'reopen'; target: number }
  | { kind: 'cancel'; target: number; after: number }
  | {
      kind: 'reclassify';
      target: number;
      priority: IncidentFields['priority'];
      category: string;
      group?: string;
      services: string[];
    }
  | { kind: 'cause'; target: number; changeId: string | null };

const target = fc.nat(50);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    services: fc.uniqueArray(services, { minLength: 1, maxLength: 2 }),
    priority,
    category,
    group,
    at: hours,
    responseDue: fc.integer({ min: 0, max: 6 }),
    resolutionDue: fc.integer({ min: 1, max: 72 }),
  }),
  fc.record({
    kind: fc.constant('acknowledge' as const),
    target,
    after: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({
    kind: fc.constant('hold' as const),
    target,
    after: fc.integer({ min: 0, max: 24 }),
    resumeAfter: fc.integer({ min: 1, max: 24 }),
  }),
  fc.record({
    kind: fc.constant('resolve' as const),
    target,
    after: fc.integer({ min: 0, max: 96 }),
    workaround: fc.boolean(),
    businessMs: fc.option(fc.integer({ min: 0, max: 96 * HOUR })),
  }),
  fc.record({ kind: fc.constant('reopen' as const), target }),
  fc.record({
    kind: fc.constant('cancel' as const),
    target,
    after: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('reclassify' as const),
    target,
    priority,
    category,
    group,
    services: fc.uniqueArray(services, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('cause' as const),
    target,
    changeId: fc.constantFrom(null, 'chg-1'),
  }),
);

/** The rollups' non-zero rows, as `table|dims` → measure → value. */
async function rollupRows(knex: Knex) {
  const out = new Map<string, Record<string, number>>();
  for (const table of Object.keys(KPI_ROLLUP_TABLES) as KpiRollupTable[]) {
    for (const row of await knex(table).select()) {
      const measures = Object.fromEntries(
        KPI_MEASURES.map(m => [m, Number(row[measureColumn(m)])]),
      );
      if (Object.values(measures).every(v => v === 0)) continue;
      const dims = KPI_ROLLUP_TABLES[table].map(c => row[c]);
      out.set(`${table}|${JSON.stringify(dims)}`, measures);
    }
  }
  return out;
}

/** The same, aggregated from scratch from every incident as stored now. */
async function rawRows(knex: Knex) {
  const ids = (await knex('itsm_incidents').select('id')).map(r => r.id);
  const deltas = emptyKpiDeltas();
  for (const snapshot of (
    await readKpiSnapshots(knex, new DbTime(knex), ids)
  ).values()) {
    addKpiContributions(deltas, snapshot, 1);
  }
  const out = new Map<string, Record<string, number>>();
  for (const table of Object.keys(KPI_ROLLUP_TABLES) as KpiRollupTable[]) {
    for (const { dims, measures } of deltas[table].values()) {
      const full = Object.fromEntries(
        KPI_MEASURES.map(m => [m, measures[m] ?? 0]),
      );
      if (Object.values(full).every(v => v === 0)) continue;
      const key = KPI_ROLLUP_TABLES[table].map(c => dims[c]);
      out.set(`${table}|${JSON.stringify(key)}`, full);
    }
  }
  return out;
}

describe.each(databases.eachSupportedId())('KPI rollups on %p', databaseId => {
  it('equal the raw aggregation after any sequence of writes', async () => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseIncidentStore.create({
      database: { getClient: async () => knex },
    });
    const actor = 'user:default/alice';
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 14 }),
        async commands => {
          const ids: string[] = [];
          for (const c of commands) {
            if (c.kind === 'create') {
              const incident = await store.createIncident(
                {
                  title: 't',
                  description: '',
                  affectedServices: c.services,
                  category: c.category,
                  impact: 'high',
                  urgency: 'high',
                  priority: c.priority,
                  status: 'new',
                  reporter: actor,
                  source: 'portal',
                  detectedAt: at(c.at),
                  assignedGroup: c.group,
                  major: false,
                  reopenCount: 0,
                  sla: {
                    policy: 'default',
                    pauses: [],
                    response: {
                      targetMinutes: 60,
                      calendar: '24x7',
                      dueAt: at(c.at + c.responseDue),
                      warningAt: at(c.at),
                    },
                    resolution: {
                      targetMinutes: 60,
                      calendar: '24x7',
                      dueAt: at(c.at + c.resolutionDue),
                      warningAt: at(c.at),
                    },
                  },
                },
                [],
                at(c.at),
              );
              ids.push(incident.id);
              continue;
            }
            if (!ids.length) continue;
            const current = (await store.getIncident(
              ids[c.target % ids.length],
            ))!;
            const base = Date.parse(current.detectedAt);
            const later = (h: number) =>
              new Date(
                Math.max(base, Date.parse(current.updatedAt)) + h * HOUR,
              ).toISOString();
            let changes: IncidentChanges | undefined;
            const open = ['new', 'acknowledged', 'in_progress', 'on_hold'];
            if (c.kind === 'acknowledge' && current.status === 'new') {
              changes = {
                status: 'acknowledged',
                acknowledgedAt: later(c.after),
              };
            } else if (c.kind === 'hold' && open.includes(current.status)) {
              const stored = (await store.getStoredSla(current.id))!;
              const pause: SlaPause = {
                from: later(c.after),
                to: later(c.after + c.resumeAfter),
              };
              changes = {
                status: 'in_progress',
                sla: { ...stored, pauses: [...stored.pauses, pause] },
              };
            } else if (c.kind === 'resolve' && open.includes(current.status)) {
              const stored = (await store.getStoredSla(current.id))!;
              changes = {
                sla: { ...stored, resolutionBusinessMs: c.businessMs },
                status: 'resolved',
                resolvedAt: later(c.after),
                acknowledgedAt: current.acknowledgedAt ?? later(0),
                resolutionCode: c.workaround ? 'workaround' : 'fixed',
                resolutionNotes: 'done',
              };
            } else if (c.kind === 'reopen' && current.status === 'resolved') {
              const stored = (await store.getStoredSla(current.id))!;
              changes = {
                sla: { ...stored, resolutionBusinessMs: null },
                status: 'in_progress',
                resolvedAt: null,
                resolutionCode: null,
                resolutionNotes: null,
                reopenCount: current.reopenCount + 1,
              };
            } else if (c.kind === 'cancel' && open.includes(current.status)) {
              changes = { status: 'cancelled', closedAt: later(c.after) };
            } else if (c.kind === 'reclassify') {
              changes = {
                priority: c.priority,
                category: c.category,
                assignedGroup: c.group ?? null,
                affectedServices: c.services,
              };
            } else if (c.kind === 'cause') {
              changes = { causedByChangeId: c.changeId };
            }
            if (changes) {
              await store.updateIncident(
                current.id,
                current.version,
                changes,
                [],
                later(0),
              );
            }
          }
          const [rollup, raw] = await Promise.all([
            rollupRows(knex),
            rawRows(knex),
          ]);
          expect(Object.fromEntries(rollup)).toEqual(Object.fromEntries(raw));
        },
      ),
      { numRuns: 12 },
    );

    // An installation that had incidents before the rollups: rolled up once
    // when the store starts.
    for (const table of Object.keys(KPI_ROLLUP_TABLES))
      await knex(table).delete();
    await knex('itsm_kpi_rollup_state').update({ rolled_up_at: null });
    await DatabaseIncidentStore.create({
      database: { getClient: async () => knex },
    });
    expect(Object.fromEntries(await rollupRows(knex))).toEqual(
      Object.fromEntries(await rawRows(knex)),
    );
    expect(
      (await knex('itsm_kpi_rollup_state').first()).rolled_up_at,
    ).toBeTruthy();

    // An independent count, straight from the rows: incidents opened per
    // day in the estate rollup.
    const opened = new Map<string, number>();
    for (const row of await knex('itsm_incidents').select(
      'detected_at',
      'priority',
      'category',
    )) {
      const key = `${kpiDayOf(new Date(row.detected_at).toISOString())}|${
        row.priority
      }|${row.category}`;
      opened.set(key, (opened.get(key) ?? 0) + 1);
    }
    const fromRollup = new Map<string, number>();
    for (const row of await knex('itsm_kpi_daily').where('opened', '>', 0)) {
      fromRollup.set(
        `${row.day}|${row.priority}|${row.category}`,
        Number(row.opened),
      );
    }
    expect(fromRollup).toEqual(opened);
  });
});
