// @ts-check

/**
 * On-call schedules of catalog groups, the groups' escalation policies, and
 * the escalation steps already fired (one row per incident and step, so a
 * step fires exactly once whichever replica runs the task).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_oncall_schedules', table => {
    table.comment('On-call schedules (rotations of users) owned by groups');
    table.string('id', 36).primary().notNullable();
    table.string('name', 128).notNullable().unique();
    table.string('owner_group', 255).notNullable();
    table.string('timezone', 64).notNullable();
    table.text('layers_json').notNullable();
    table.text('overrides_json').notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.index(['owner_group', 'created_at'], 'itsm_oncall_schedules_owner_idx');
  });

  await knex.schema.createTable('itsm_escalation_policies', table => {
    table.comment('Escalation policy of a group: ordered levels with delays');
    table.string('group_ref', 255).primary().notNullable();
    table.text('levels_json').notNullable();
    table.boolean('reassign_on_breach').notNullable().defaultTo(false);
    table.boolean('notify_parent_on_sla').notNullable().defaultTo(false);
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('updated_at', { precision: 3 }).notNullable();
  });

  await knex.schema.createTable('itsm_escalation_steps', table => {
    table.comment('Escalation steps fired, at most once per incident and step');
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('step', 64).notNullable();
    table.datetime('fired_at', { precision: 3 }).notNullable();
    table.primary(['incident_id', 'step']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_escalation_steps');
  await knex.schema.dropTable('itsm_escalation_policies');
  await knex.schema.dropTable('itsm_oncall_schedules');
};
