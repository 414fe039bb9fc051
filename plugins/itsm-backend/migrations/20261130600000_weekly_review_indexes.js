// @ts-check

/**
 * Indexes for the weekly review at a million incidents:
 * - the week's top services sum one week of the service-grain rollup
 *   (tens of thousands of its millions of rows) from an index that holds
 *   the summed column, instead of scanning the table;
 * - the week's P1–P2 list reads each priority's week in detection order;
 * - the week's major incidents are read from the few major ones (a partial
 *   index; MySQL has none: there, an index led by the flag).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_kpi_service_daily', table => {
    table.index(
      ['day', 'entity_ref', 'opened'],
      'itsm_kpi_service_daily_day_idx',
    );
  });
  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(['priority', 'detected_at'], 'itsm_incidents_priority_idx');
  });
  const client = String(knex.client.config.client);
  if (client.startsWith('mysql')) {
    await knex.schema.alterTable('itsm_incidents', table => {
      table.index(['major', 'detected_at'], 'itsm_incidents_major_idx');
    });
    return;
  }
  await knex.raw(
    `CREATE INDEX itsm_incidents_major_idx ON itsm_incidents (detected_at) WHERE major = ${
      client.includes('sqlite') ? '1' : 'true'
    }`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex([], 'itsm_incidents_major_idx');
    table.dropIndex([], 'itsm_incidents_priority_idx');
  });
  await knex.schema.alterTable('itsm_kpi_service_daily', table => {
    table.dropIndex([], 'itsm_kpi_service_daily_day_idx');
  });
};
