// @ts-check

/**
 * Daily KPI rollups (see src/database/kpiRollup.ts): the same additive
 * measures at three grains, so each report reads a few thousand rows at most.
 *
 * - itsm_kpi_service_daily: day × affected service × priority × category ×
 *   group, every affected service of an incident (per-service reports);
 * - itsm_kpi_group_daily: day × group × priority × category, each incident
 *   once (group reports, and groupBy=group);
 * - itsm_kpi_daily: day × priority × category, each incident once (the
 *   estate; at 1M incidents over 200 groups the group grain is as many rows as
 *   incidents, too many to sum for a year in 300 ms).
 *
 * itsm_kpi_rollup_state says whether the rollups hold every incident: an
 * existing installation's incidents are rolled up once at start.
 */
const BUCKETS = 17;

/** @param {import('knex').Knex.CreateTableBuilder} table */
function measures(table) {
  for (const name of [
    'opened',
    'caused_by_change',
    'acknowledged',
    'resolved',
    'resolved_reopened',
    'resolved_workaround',
    'response_met',
    'response_breached',
    'resolution_met',
    'resolution_breached',
    'response_unstopped',
    'resolution_unstopped',
  ]) {
    table.integer(name).notNullable().defaultTo(0);
  }
  for (const name of ['tta_sum_ms', 'ttr_sum_ms', 'ttr_active_sum_ms']) {
    table.bigInteger(name).notNullable().defaultTo(0);
  }
  for (let i = 0; i < BUCKETS; i++) {
    table.integer(`tta${i}`).notNullable().defaultTo(0);
    table.integer(`ttr${i}`).notNullable().defaultTo(0);
  }
}

/** @param {import('knex').Knex.CreateTableBuilder} table */
function periods(table) {
  table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
  table.string('week', 8).notNullable().comment('ISO week, YYYY-Www');
  table.string('month', 7).notNullable().comment('YYYY-MM, UTC');
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_kpi_daily', table => {
    table.comment('KPI measures per day, priority and category');
    periods(table);
    table.string('priority', 2).notNullable();
    table.string('category', 64).notNullable();
    measures(table);
    table.primary(['day', 'priority', 'category']);
  });
  await knex.schema.createTable('itsm_kpi_group_daily', table => {
    table.comment(
      'KPI measures per day, assigned group, priority and category',
    );
    periods(table);
    table.string('assigned_group', 255).notNullable().comment("'' when none");
    table.string('priority', 2).notNullable();
    table.string('category', 64).notNullable();
    measures(table);
    table.primary(['assigned_group', 'day', 'priority', 'category']);
  });
  await knex.schema.createTable('itsm_kpi_service_daily', table => {
    table.comment(
      'KPI measures per day, affected service, priority, category and group',
    );
    periods(table);
    table.string('entity_ref', 255).notNullable();
    table.string('priority', 2).notNullable();
    table.string('category', 64).notNullable();
    table.string('assigned_group', 255).notNullable().comment("'' when none");
    measures(table);
    table.primary([
      'entity_ref',
      'day',
      'priority',
      'category',
      'assigned_group',
    ]);
  });
  await knex.schema.createTable('itsm_kpi_rollup_state', table => {
    table.comment('Whether the KPI rollups hold every incident');
    table.string('name', 32).primary().notNullable();
    table.datetime('rolled_up_at', { precision: 3 }).nullable();
  });
  const [{ count }] = await knex('itsm_incidents').count({ count: '*' });
  await knex('itsm_kpi_rollup_state').insert({
    name: 'incidents',
    // Nothing to roll up on a fresh database: complete from the start.
    rolled_up_at: Number(count) === 0 ? new Date() : null,
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_kpi_rollup_state');
  await knex.schema.dropTable('itsm_kpi_service_daily');
  await knex.schema.dropTable('itsm_kpi_group_daily');
  await knex.schema.dropTable('itsm_kpi_daily');
};
