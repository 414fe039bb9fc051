#!/usr/bin/env node
/*
 * Fills a PostgreSQL database with a year of incidents for the budgets in
 * DESIGN.md: 1,000,000 incidents over 10,000 services (the example catalog's
 * services among them), in bulk SQL (generate_series), then VACUUM ANALYZE.
 *
 *   node bench/seed-postgres.js [--incidents 1000000] [--services incidents/100]
 *
 * Every service has about 100 incidents a year whatever the scale (1,000
 * services at 100k, 10,000 at 1M): the estate grows, a service's own history
 * does not, so a service page's reads compare like with like across scales.
 *       [--connection postgresql://postgres@127.0.0.1:5432] [--database itsm_bench_itsm]
 *
 * The database name matches bench/app-config.postgres.yaml (prefix itsm_bench_),
 * so `node bench/run.js --config bench/app-config.postgres.yaml` reads it.
 */
const path = require('node:path');
const knexFactory = require('knex');
const { kpiRollupStatements } = require('./kpiRollupSql');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const incidents = Number(args.incidents ?? 1_000_000);
const services = Number(args.services ?? Math.max(12, Math.round(incidents / 100)));
const connection = args.connection ?? 'postgresql://postgres@127.0.0.1:5432';
const database = args.database ?? 'itsm_bench_itsm';
const EXAMPLE_SERVICES = [
  'payments-api', 'ledger', 'fraud-check', 'billing-worker', 'checkout-web',
  'cart-service', 'catalog-search', 'pricing', 'auth-service', 'user-profile',
  'session-store', 'notifications-gateway',
];

async function main() {
  const admin = knexFactory({ client: 'pg', connection: `${connection}/postgres` });
  await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.raw(`CREATE DATABASE ${database}`);
  await admin.destroy();

  const db = knexFactory({ client: 'pg', connection: `${connection}/${database}` });
  await db.migrate.latest({
    directory: path.resolve(__dirname, '../plugins/itsm-backend/migrations'),
  });
  const started = Date.now();
  // Incidents 1 … openBelow are the open ones (the newest)
  const openBelow = Math.floor(incidents * 0.002);
  const examples = `ARRAY[${EXAMPLE_SERVICES.map(s => `'${s}'`).join(',')}]`;
  // Service n: an example service for n < 12, else svc-n. Incident g is
  // detected g × (1 year / N) before now, so the newest are the most recent.
  await db.raw(
    `
    INSERT INTO itsm_incidents (
      id, ref, title, description, primary_service, category, impact, urgency,
      priority, status, assignee, assigned_group, reporter, source, detected_at,
      acknowledged_at, resolved_at, closed_at, resolution_code, resolution_notes,
      major, reopen_count, version, created_at, updated_at,
      sla_policy, sla_pauses,
      response_target_minutes, response_calendar, response_due_at, response_warning_at,
      resolution_target_minutes, resolution_calendar, resolution_due_at, resolution_warning_at,
      response_warned_at, response_breached_at, resolution_warned_at, resolution_breached_at)
    SELECT
      md5('inc' || g)::uuid::text,
      'INC-' || (1000 + g),
      'Synthetic incident ' || g || ' on service ' || (g % ?),
      'Generated for the benchmark',
      'component:default/' || CASE WHEN g % ? < 12 THEN (${examples})[g % ? + 1] ELSE 'svc-' || (g % ?) END,
      (ARRAY['availability','performance','functionality','data','security','capacity','other'])[g % 7 + 1],
      lv.impact, lv.urgency, lv.priority,
      CASE WHEN g <= ? * 0.002 THEN (ARRAY['new','acknowledged','in_progress','on_hold'])[g % 4 + 1]
           WHEN g % 50 = 0 THEN 'cancelled'
           WHEN g <= ? * 0.01 THEN 'resolved' ELSE 'closed' END,
      'user:default/user-' || (g % 500),
      'group:default/team-' || (g % 200),
      'user:default/user-' || (g % 700),
      (ARRAY['portal','api','alertmanager'])[g % 3 + 1],
      t.detected,
      t.detected + interval '7 minutes',
      CASE WHEN g > ? * 0.002 AND g % 50 <> 0 THEN t.detected + (g % 600 + 20) * interval '1 minute' END,
      CASE WHEN g > ? * 0.01 THEN t.detected + interval '3 days' END,
      CASE WHEN g > ? * 0.002 AND g % 50 <> 0 THEN 'fixed' END,
      CASE WHEN g > ? * 0.002 AND g % 50 <> 0 THEN 'Synthetic fix' END,
      false, 0, 3, t.detected, t.detected,
      -- 24x7 targets by priority, so compliance has a year of due times
      'default', '[]',
      sla.response, '24x7', t.detected + sla.response * interval '1 minute',
      t.detected + sla.response * interval '45 seconds',
      sla.resolution, '24x7', t.detected + sla.resolution * interval '1 minute',
      t.detected + sla.resolution * interval '45 seconds',
      -- What the SLA monitor would have marked by now: each clock that
      -- crossed its warning or due time while running (the response clock
      -- stops at 7 minutes, before any warning; cancelled: never marked)
      NULL, NULL,
      CASE WHEN NOT stop.cancelled AND t.detected + sla.resolution * interval '45 seconds' <= coalesce(stop.resolved, now())
           THEN t.detected + sla.resolution * interval '45 seconds' END,
      CASE WHEN NOT stop.cancelled AND t.detected + sla.resolution * interval '1 minute' < coalesce(stop.resolved, now())
           THEN t.detected + sla.resolution * interval '1 minute' END
    FROM generate_series(1, ?) AS g
    CROSS JOIN LATERAL (SELECT now() - g * (interval '365 days' / ?) AS detected) t
    CROSS JOIN LATERAL (
      SELECT (ARRAY['high','medium','low'])[g % 3 + 1] AS impact,
             (ARRAY['high','medium','low'])[(g / 3) % 3 + 1] AS urgency,
             (ARRAY['P1','P2','P3','P2','P3','P4','P3','P4','P5'])[(g % 3) * 3 + (g / 3) % 3 + 1] AS priority
    ) lv
    CROSS JOIN LATERAL (
      SELECT CASE WHEN g > ${openBelow} AND g % 50 <> 0 THEN t.detected + (g % 600 + 20) * interval '1 minute' END AS resolved,
             g > ${openBelow} AND g % 50 = 0 AS cancelled
    ) stop
    CROSS JOIN LATERAL (
      SELECT (ARRAY[15, 30, 240, 480, 960])[substr(lv.priority, 2)::int] AS response,
             (ARRAY[240, 480, 1440, 2400, 4800])[substr(lv.priority, 2)::int] AS resolution
    ) sla
    `,
    [services, services, services, services, incidents, incidents, incidents, incidents, incidents, incidents, incidents, incidents],
  );
  await db.raw(`
    INSERT INTO itsm_incident_services (incident_id, entity_ref, is_primary, detected_at, status)
    SELECT id, primary_service, true, detected_at, status FROM itsm_incidents`);
  await db.raw(`
    INSERT INTO itsm_timeline_events (incident_id, type, actor, at, message)
    SELECT id, 'created', reporter, detected_at, 'Reported' FROM itsm_incidents`);
  await markSlaSteadyState(db);
  // The KPI rollups the store keeps on each write, for every incident at once.
  const rollupStarted = Date.now();
  await db.transaction(async tx => {
    for (const statement of kpiRollupStatements()) await tx.raw(statement);
  });
  console.log(`Rolled up KPIs in ${((Date.now() - rollupStarted) / 1000).toFixed(1)}s`);
  await db('itsm_sequences').where({ name: 'incident' }).update({ value: 1000 + incidents });
  // What autovacuum does after a bulk load: statistics, and the visibility
  // map that lets index-only scans skip the heap (a year in production has
  // been vacuumed long before anyone reports on it)
  await db.raw('VACUUM ANALYZE');
  const [{ count }] = await db('itsm_incidents').count({ count: '*' });
  console.log(`Seeded ${count} incidents over ${services} services into ${database} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  await db.destroy();
}

/**
 * The escalation steps the monitor would have fired by now for the open
 * incidents with SLA marks (the insert sets the marks). Without marks and
 * steps the SLA and escalation monitors would spend the whole benchmark
 * catching up (500 marks a minute), in the background of every measurement.
 */
async function markSlaSteadyState(db) {
  for (const kind of ['response', 'resolution']) {
    for (const [stage, mark] of [['warning', 'warned_at'], ['breach', 'breached_at']]) {
      await db.raw(`
        INSERT INTO itsm_escalation_steps (incident_id, step, fired_at)
        SELECT id, 'sla:${kind}:${stage}', ${kind}_${mark} FROM itsm_incidents
        WHERE status IN ('new', 'acknowledged', 'in_progress', 'on_hold')
          AND ${kind}_${mark} IS NOT NULL AND assigned_group IS NOT NULL
        ON CONFLICT DO NOTHING`);
    }
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
