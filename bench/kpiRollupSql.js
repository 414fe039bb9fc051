/*
 * The KPI rollups of every incident in bulk SQL (PostgreSQL), for the
 * benchmark seed: the same contributions as kpiContributions in
 * plugins/itsm-common/src/kpis (checked against it by
 * plugins/itsm-backend/src/database/kpiRollupSeedSql.test.ts).
 */
const BOUNDS = [
  1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 7200, 10080, 20160,
  43200,
];
const BUCKETS = BOUNDS.length + 1;
const MEASURES = [
  'opened',
  'caused_by_change',
  'acknowledged',
  'tta_sum_ms',
  'resolved',
  'ttr_sum_ms',
  'ttr_active_sum_ms',
  'resolved_reopened',
  'resolved_workaround',
  'response_met',
  'response_breached',
  'resolution_met',
  'resolution_breached',
  'response_unstopped',
  'resolution_unstopped',
  ...Array.from({ length: BUCKETS }, (_, i) => `tta${i}`),
  ...Array.from({ length: BUCKETS }, (_, i) => `ttr${i}`),
  'resolved_business',
  'ttr_business_sum_ms',
  ...Array.from({ length: BUCKETS }, (_, i) => `ttrb${i}`),
];

const day = column => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
const ms = (to, from) =>
  `round(greatest(0, extract(epoch from (${to} - ${from})) * 1000))::bigint`;
const bucket = (to, from) =>
  `(CASE ${BOUNDS.map(
    (b, i) =>
      `WHEN extract(epoch from (${to} - ${from})) / 60 < ${b} THEN ${i}`,
  ).join(' ')} ELSE ${BOUNDS.length} END)`;

/** One SELECT per kind of event an incident contributes, on its own day. */
function events() {
  const ended = `i.status IN ('resolved', 'closed')`;
  const sla = (kind, due, stop) => ({
    day: day(due),
    where: `i.status <> 'cancelled' AND ${due} IS NOT NULL AND (${stop} IS NOT NULL OR ${ended})`,
    measures: {
      [`${kind}_met`]: `CASE WHEN ${stop} IS NOT NULL AND ${stop} <= ${due} THEN 1 ELSE 0 END`,
      [`${kind}_breached`]: `CASE WHEN ${stop} IS NOT NULL AND ${stop} > ${due} THEN 1 ELSE 0 END`,
      [`${kind}_unstopped`]: `CASE WHEN ${stop} IS NULL THEN 1 ELSE 0 END`,
    },
  });
  const tta = bucket('i.acknowledged_at', 'i.detected_at');
  const ttr = bucket('i.resolved_at', 'i.detected_at');
  // Business time is recorded on the incident by its resolution clock
  const business = 'i.resolution_business_ms';
  const businessBucket = `(CASE ${BOUNDS.map(
    (b, i) => `WHEN ${business} / 60000.0 < ${b} THEN ${i}`,
  ).join(' ')} ELSE ${BOUNDS.length} END)`;
  return [
    {
      day: day('i.detected_at'),
      where: 'true',
      measures: {
        opened: '1',
        caused_by_change:
          'CASE WHEN i.caused_by_change_id IS NOT NULL THEN 1 ELSE 0 END',
      },
    },
    {
      day: day('i.acknowledged_at'),
      where: 'i.acknowledged_at IS NOT NULL',
      measures: {
        acknowledged: '1',
        tta_sum_ms: ms('i.acknowledged_at', 'i.detected_at'),
        ...Object.fromEntries(
          Array.from({ length: BUCKETS }, (_, b) => [
            `tta${b}`,
            `CASE WHEN ${tta} = ${b} THEN 1 ELSE 0 END`,
          ]),
        ),
      },
    },
    {
      day: day('i.resolved_at'),
      where: 'i.resolved_at IS NOT NULL',
      measures: {
        resolved: '1',
        ttr_sum_ms: ms('i.resolved_at', 'i.detected_at'),
        // The seed has no holds (sla_pauses '[]'): active time is wall time.
        ttr_active_sum_ms: ms('i.resolved_at', 'i.detected_at'),
        resolved_reopened: 'CASE WHEN i.reopen_count > 0 THEN 1 ELSE 0 END',
        resolved_workaround: `CASE WHEN i.resolution_code = 'workaround' THEN 1 ELSE 0 END`,
        ...Object.fromEntries(
          Array.from({ length: BUCKETS }, (_, b) => [
            `ttr${b}`,
            `CASE WHEN ${ttr} = ${b} THEN 1 ELSE 0 END`,
          ]),
        ),
        resolved_business: `CASE WHEN ${business} IS NOT NULL THEN 1 ELSE 0 END`,
        ttr_business_sum_ms: `coalesce(${business}, 0)`,
        ...Object.fromEntries(
          Array.from({ length: BUCKETS }, (_, b) => [
            `ttrb${b}`,
            `CASE WHEN ${business} IS NOT NULL AND ${businessBucket} = ${b} THEN 1 ELSE 0 END`,
          ]),
        ),
      },
    },
    sla('response', 'i.response_due_at', 'i.acknowledged_at'),
    sla('resolution', 'i.resolution_due_at', 'i.resolved_at'),
  ];
}

/** Statements that rebuild the three rollup tables from the incidents. */
function kpiRollupStatements() {
  const facts = events()
    .map(
      e => `SELECT i.id, ${e.day} AS day, i.priority, i.category,
        coalesce(i.assigned_group, '') AS assigned_group,
        ${MEASURES.map(m => `${e.measures[m] ?? '0'} AS ${m}`).join(', ')}
      FROM itsm_incidents i WHERE ${e.where}`,
    )
    .join('\nUNION ALL\n');
  const sums = MEASURES.map(m => `sum(${m})`).join(', ');
  const periods = `to_char(day::date, 'IYYY-"W"IW'), substr(day, 1, 7)`;
  return [
    'DROP TABLE IF EXISTS kpi_facts',
    `CREATE TEMP TABLE kpi_facts AS ${facts}`,
    'DELETE FROM itsm_kpi_daily',
    'DELETE FROM itsm_kpi_group_daily',
    'DELETE FROM itsm_kpi_service_daily',
    `INSERT INTO itsm_kpi_daily (day, week, month, priority, category, ${MEASURES.join(
      ', ',
    )})
     SELECT day, ${periods}, priority, category, ${sums}
     FROM kpi_facts GROUP BY day, priority, category`,
    `INSERT INTO itsm_kpi_group_daily (assigned_group, day, week, month, priority, category, ${MEASURES.join(
      ', ',
    )})
     SELECT assigned_group, day, ${periods}, priority, category, ${sums}
     FROM kpi_facts GROUP BY assigned_group, day, priority, category`,
    `INSERT INTO itsm_kpi_service_daily (entity_ref, day, week, month, priority, category, assigned_group, ${MEASURES.join(
      ', ',
    )})
     SELECT s.entity_ref, day, ${periods}, priority, category, assigned_group, ${sums}
     FROM kpi_facts f JOIN itsm_incident_services s ON s.incident_id = f.id
     GROUP BY s.entity_ref, day, priority, category, assigned_group`,
    'DROP TABLE kpi_facts',
    `UPDATE itsm_kpi_rollup_state SET rolled_up_at = now() WHERE name = 'incidents'`,
  ];
}

module.exports = { kpiRollupStatements, KPI_ROLLUP_MEASURES: MEASURES };
