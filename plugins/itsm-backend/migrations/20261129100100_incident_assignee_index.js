// @ts-check

/**
 * Incident lists filter by assignee ("my incidents", shared as a URL):
 * served by an index like the assigned group's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(['assignee', 'status'], 'itsm_incidents_assignee_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['assignee', 'status'], 'itsm_incidents_assignee_idx');
  });
};
