// @ts-check

/**
 * SLA clocks on incidents: the policy and targets in force, the due and
 * warning times (recomputed on priority change, hold and resume), the pauses
 * that pushed them out, and when the SLA monitor recorded a warning or breach
 * (each at most once).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.string('sla_policy', 64).nullable();
    table.text('sla_pauses').nullable();
    for (const kind of ['response', 'resolution']) {
      table.integer(`${kind}_target_minutes`).nullable();
      table.string(`${kind}_calendar`, 64).nullable();
      table.datetime(`${kind}_due_at`, { precision: 3 }).nullable();
      table.datetime(`${kind}_warning_at`, { precision: 3 }).nullable();
      table.datetime(`${kind}_warned_at`, { precision: 3 }).nullable();
      table.datetime(`${kind}_breached_at`, { precision: 3 }).nullable();
    }
  });
  await knex.schema.alterTable('itsm_incidents', table => {
    // Compliance reports select incidents whose target fell in a period
    table.index(['response_due_at'], 'itsm_incidents_response_due_idx');
    table.index(['resolution_due_at'], 'itsm_incidents_resolution_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex([], 'itsm_incidents_response_due_idx');
    table.dropIndex([], 'itsm_incidents_resolution_due_idx');
  });
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropColumn('sla_policy');
    table.dropColumn('sla_pauses');
    for (const kind of ['response', 'resolution']) {
      for (const column of [
        'target_minutes',
        'calendar',
        'due_at',
        'warning_at',
        'warned_at',
        'breached_at',
      ]) {
        table.dropColumn(`${kind}_${column}`);
      }
    }
  });
};
