import {
  isoWeekOf,
  KPI_MEASURES,
  kpiContributions,
  KpiIncidentFacts,
  KpiMeasure,
  KpiMeasures,
  SlaPause,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from './DbTime';

/*
 * KPI rollups are kept in the transaction of the write that changes them,
 * not by a watermark task: reports then agree with the incidents at every
 * commit (a task would lag by its period and need a change log, since
 * itsm_incidents rows are updated in place), and one replica's write never
 * waits for another's task. The price is paid on the write: two reads of the
 * incident and one upsert per rollup table (measured in the report's note).
 *
 * An incident's contribution is a pure function of its row
 * (`kpiContributions` in itsm-common); a write subtracts what the incident
 * contributed before and adds what it contributes after, so creates,
 * transitions, reclassifications and reopenings are all the same code.
 */

/** The rollup tables and the dimension columns of each, key order. */
export const KPI_ROLLUP_TABLES = {
  itsm_kpi_daily: ['day', 'priority', 'category'],
  itsm_kpi_group_daily: ['assigned_group', 'day', 'priority', 'category'],
  itsm_kpi_service_daily: [
    'entity_ref',
    'day',
    'priority',
    'category',
    'assigned_group',
  ],
} as const;

export type KpiRollupTable = keyof typeof KPI_ROLLUP_TABLES;

/** A measure's column: `ttaSumMs` → `tta_sum_ms`. */
export function measureColumn(measure: KpiMeasure): string {
  return measure.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);
}

export const KPI_MEASURE_COLUMNS = KPI_MEASURES.map(measureColumn);

/** What the rollups need of an incident: its facts and its dimensions. */
export interface KpiSnapshot {
  facts: KpiIncidentFacts;
  priority: string;
  category: string;
  assignedGroup: string;
  services: string[];
}

const FACT_COLUMNS = [
  'status',
  'priority',
  'category',
  'assigned_group',
  'detected_at',
  'acknowledged_at',
  'resolved_at',
  'reopen_count',
  'resolution_code',
  'caused_by_change_id',
  'response_due_at',
  'resolution_due_at',
  'sla_pauses',
  'resolution_business_ms',
];

type Time = Date | string | null;
type FactRow = {
  id?: string;
  status: string;
  priority: string;
  category: string;
  assigned_group: string | null;
  detected_at: Time;
  acknowledged_at: Time;
  resolved_at: Time;
  reopen_count: number;
  resolution_code: string | null;
  caused_by_change_id: string | null;
  response_due_at: Time;
  resolution_due_at: Time;
  sla_pauses: string | null;
  resolution_business_ms: number | string | null;
};

function snapshotOf(row: FactRow, services: string[], time: DbTime) {
  const iso = (value: Time) => (value ? time.fromDb(value) : null);
  return {
    facts: {
      status: row.status,
      detectedAt: iso(row.detected_at)!,
      acknowledgedAt: iso(row.acknowledged_at),
      resolvedAt: iso(row.resolved_at),
      reopenCount: Number(row.reopen_count ?? 0),
      resolutionCode: row.resolution_code,
      causedByChangeId: row.caused_by_change_id,
      responseDueAt: iso(row.response_due_at),
      resolutionDueAt: iso(row.resolution_due_at),
      pauses: row.sla_pauses
        ? (JSON.parse(row.sla_pauses) as SlaPause[])
        : undefined,
      resolutionBusinessMs:
        row.resolution_business_ms === null
          ? null
          : Number(row.resolution_business_ms),
    },
    priority: row.priority,
    category: row.category,
    assignedGroup: row.assigned_group ?? '',
    services,
  };
}

/** Reads the incidents' rollup snapshots (locking their rows where it can). */
export async function readKpiSnapshots(
  tx: Knex,
  time: DbTime,
  ids: string[],
): Promise<Map<string, KpiSnapshot>> {
  const query = tx('itsm_incidents')
    .whereIn('id', ids)
    .select('id', ...FACT_COLUMNS);
  if (!String(tx.client.config.client).includes('sqlite')) query.forUpdate();
  const rows = (await query) as Array<FactRow & { id: string }>;
  const services = (await tx('itsm_incident_services')
    .whereIn('incident_id', ids)
    .select('incident_id', 'entity_ref')
    .orderBy([
      { column: 'incident_id' },
      { column: 'is_primary', order: 'desc' },
      { column: 'entity_ref' },
    ])) as Array<{ incident_id: string; entity_ref: string }>;
  const byIncident = new Map<string, string[]>();
  for (const s of services) {
    byIncident.set(s.incident_id, [
      ...(byIncident.get(s.incident_id) ?? []),
      s.entity_ref,
    ]);
  }
  return new Map(
    rows.map(row => [
      row.id,
      snapshotOf(row, byIncident.get(row.id) ?? [], time),
    ]),
  );
}

/** Rollup rows to add, per table, keyed by their dimension values. */
export type KpiDeltas = Record<
  KpiRollupTable,
  Map<string, { dims: Record<string, string>; measures: KpiMeasures }>
>;

export function emptyKpiDeltas(): KpiDeltas {
  return {
    itsm_kpi_daily: new Map(),
    itsm_kpi_group_daily: new Map(),
    itsm_kpi_service_daily: new Map(),
  };
}

/** Adds `sign` × the snapshot's contributions to `deltas`. */
export function addKpiContributions(
  deltas: KpiDeltas,
  snapshot: KpiSnapshot,
  sign: 1 | -1,
) {
  for (const { day, measures } of kpiContributions(snapshot.facts)) {
    const base = {
      day,
      priority: snapshot.priority,
      category: snapshot.category,
      assigned_group: snapshot.assignedGroup,
    };
    const rows: Array<[KpiRollupTable, Record<string, string>]> = [
      ['itsm_kpi_daily', base],
      ['itsm_kpi_group_daily', base],
      ...[...new Set(snapshot.services)].map(
        entityRef =>
          ['itsm_kpi_service_daily', { ...base, entity_ref: entityRef }] as [
            KpiRollupTable,
            Record<string, string>,
          ],
      ),
    ];
    for (const [table, all] of rows) {
      const dims = Object.fromEntries(
        KPI_ROLLUP_TABLES[table].map(column => [column, all[column]]),
      );
      const key = JSON.stringify(KPI_ROLLUP_TABLES[table].map(c => dims[c]));
      const entry = deltas[table].get(key) ?? { dims, measures: {} };
      for (const [measure, value] of Object.entries(measures)) {
        const m = measure as KpiMeasure;
        entry.measures[m] = (entry.measures[m] ?? 0) + sign * (value ?? 0);
      }
      deltas[table].set(key, entry);
    }
  }
}

/**
 * Adds the deltas to the rollup tables: one upsert per table, rows in key
 * order (two writers lock shared rows in the same order: no deadlock), rows
 * whose every measure cancels out left alone.
 */
export async function applyKpiDeltas(tx: Knex, deltas: KpiDeltas) {
  const mysql = String(tx.client.config.client).startsWith('mysql');
  for (const table of Object.keys(KPI_ROLLUP_TABLES) as KpiRollupTable[]) {
    const columns = [
      ...KPI_ROLLUP_TABLES[table],
      'week',
      'month',
      ...KPI_MEASURE_COLUMNS,
    ];
    const rows = [...deltas[table].entries()]
      .filter(([, { measures }]) => Object.values(measures).some(v => v !== 0))
      .sort(([a], [b]) => (a < b ? -1 : 1)) // keys are unique
      .map(([, { dims, measures }]) => [
        ...KPI_ROLLUP_TABLES[table].map(c => dims[c]),
        isoWeekOf(dims.day),
        dims.day.slice(0, 7),
        ...KPI_MEASURES.map(m => measures[m] ?? 0),
      ]);
    // Bounded statements: at most 200 rows × 75 bindings.
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await tx.raw(
        upsertSql(table, columns, chunk.length, mysql),
        chunk.flat(),
      );
    }
  }
}

const upserts = new Map<string, string>();

/**
 * The upsert that adds a chunk of rows to a rollup table, as SQL text built
 * once (the identifiers are this file's constants, the values bindings):
 * knex's builder spent more time formatting 150 bindings than the database
 * took to run them.
 */
function upsertSql(
  table: KpiRollupTable,
  columns: string[],
  rowCount: number,
  mysql: boolean,
): string {
  const cacheKey = `${table}:${rowCount}:${mysql}`;
  let sql = upserts.get(cacheKey);
  if (!sql) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    const values = Array.from({ length: rowCount }, () => row).join(', ');
    const add = KPI_MEASURE_COLUMNS.map(c =>
      mysql
        ? `${c} = ${c} + values(${c})`
        : `${c} = ${table}.${c} + excluded.${c}`,
    ).join(', ');
    sql = `insert into ${table} (${columns.join(', ')}) values ${values} ${
      mysql
        ? `on duplicate key update ${add}`
        : `on conflict (${KPI_ROLLUP_TABLES[table].join(
            ', ',
          )}) do update set ${add}`
    }`;
    upserts.set(cacheKey, sql);
  }
  return sql;
}

/**
 * Runs `write` on the incident in `tx` and keeps the rollups in step with
 * it: the incident's contributions before the write are subtracted, after it
 * added. With `created`, the incident is new: nothing to subtract.
 */
export async function withKpiRollup<T>(
  tx: Knex,
  time: DbTime,
  id: string,
  write: () => Promise<T>,
  options: { created?: boolean } = {},
): Promise<T> {
  const before = options.created
    ? undefined
    : (await readKpiSnapshots(tx, time, [id])).get(id);
  const result = await write();
  const after = (await readKpiSnapshots(tx, time, [id])).get(id);
  const deltas = emptyKpiDeltas();
  if (before) addKpiContributions(deltas, before, -1);
  if (after) addKpiContributions(deltas, after, 1);
  await applyKpiDeltas(tx, deltas);
  return result;
}

/**
 * Rolls up every incident, once, when the rollups are not complete (an
 * installation that had incidents before the rollups existed). The state row
 * is claimed in the same transaction, so two replicas starting together
 * roll up once.
 */
export async function completeKpiRollups(db: Knex, time: DbTime) {
  const state = await db('itsm_kpi_rollup_state')
    .where({ name: 'incidents' })
    .first();
  if (!state || state.rolled_up_at) return;
  await db.transaction(async tx => {
    const claimed = await tx('itsm_kpi_rollup_state')
      .where({ name: 'incidents' })
      .whereNull('rolled_up_at')
      .update({ rolled_up_at: time.toDb(new Date().toISOString()) });
    if (claimed !== 1) return;
    for (const table of Object.keys(KPI_ROLLUP_TABLES)) {
      await tx(table).delete();
    }
    let after = '';
    for (;;) {
      const ids = (
        await tx('itsm_incidents')
          .where('id', '>', after)
          .orderBy('id')
          .limit(1000)
          .select('id')
      ).map((r: { id: string }) => r.id);
      if (!ids.length) break;
      const deltas = emptyKpiDeltas();
      for (const snapshot of (await readKpiSnapshots(tx, time, ids)).values()) {
        addKpiContributions(deltas, snapshot, 1);
      }
      await applyKpiDeltas(tx, deltas);
      after = ids[ids.length - 1];
    }
  });
}
