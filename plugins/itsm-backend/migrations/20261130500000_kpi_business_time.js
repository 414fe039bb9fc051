// @ts-check

/**
 * Business-time MTTR. The business time an incident took to resolve depends
 * on its SLA calendar, which lives in app-config and which SQL cannot
 * evaluate; so it is recorded once, by the resolution SLA clock when the
 * incident is resolved (`itsm_incidents.resolution_business_ms`, cleared by a
 * reopen), and the rollups keep it as additive measures beside the wall-clock
 * ones: a count, a sum and the same duration histogram.
 *
 * Incidents resolved before this migration have no recorded business time and
 * contribute nothing to the new measures, exactly as the rollup code computes
 * for them: the rollups stay consistent without a rebuild.
 */
const BUCKETS = 17;
const ROLLUPS = [
  'itsm_kpi_daily',
  'itsm_kpi_group_daily',
  'itsm_kpi_service_daily',
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table
      .bigInteger('resolution_business_ms')
      .nullable()
      .comment(
        'Business time the resolution SLA clock counted by the resolution',
      );
  });
  for (const name of ROLLUPS) {
    await knex.schema.alterTable(name, table => {
      table.integer('resolved_business').notNullable().defaultTo(0);
      table.bigInteger('ttr_business_sum_ms').notNullable().defaultTo(0);
      for (let i = 0; i < BUCKETS; i++) {
        table.integer(`ttrb${i}`).notNullable().defaultTo(0);
      }
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of ROLLUPS) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('resolved_business');
      table.dropColumn('ttr_business_sum_ms');
      for (let i = 0; i < BUCKETS; i++) table.dropColumn(`ttrb${i}`);
    });
  }
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropColumn('resolution_business_ms');
  });
};
