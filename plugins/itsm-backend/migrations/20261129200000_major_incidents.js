// @ts-check

/**
 * Major incidents: the declaration and stakeholder cadence of an incident,
 * its crisis cell (roles), its subscribers, service subscriptions (all future
 * major incidents of a service) and the append-only stakeholder updates.
 * Update reminders are escalation steps (`update-reminder:<due time>`), so
 * each is sent once whichever replica runs the task.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_major_incidents', table => {
    table.comment(
      'Major-incident declaration and update cadence of an incident',
    );
    table
      .string('incident_id', 36)
      .primary()
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.datetime('declared_at', { precision: 3 }).nullable();
    table.string('declared_by', 255).nullable();
    table.text('reason').nullable();
    table.datetime('withdrawn_at', { precision: 3 }).nullable();
    table.string('withdrawn_by', 255).nullable();
    table.text('withdraw_reason').nullable();
    table.string('bridge_url', 1000).nullable();
    table.datetime('last_update_at', { precision: 3 }).nullable();
    table.datetime('next_update_due_at', { precision: 3 }).nullable();
    table.index(['next_update_due_at'], 'itsm_major_incidents_due_idx');
  });

  await knex.schema.createTable('itsm_incident_roles', table => {
    table.comment('Crisis cell of a major incident: one user per role');
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('role', 32).notNullable();
    table.string('user_ref', 255).notNullable();
    table.primary(['incident_id', 'role']);
  });

  await knex.schema.createTable('itsm_incident_subscribers', table => {
    table.comment(
      'Users and groups told of the stakeholder updates of an incident',
    );
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('subscriber_ref', 255).notNullable();
    table.string('source', 16).notNullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.primary(['incident_id', 'subscriber_ref']);
  });

  await knex.schema.createTable('itsm_service_subscribers', table => {
    table.comment(
      'Users and groups subscribed to every major incident of a service',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('subscriber_ref', 255).notNullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.primary(['entity_ref', 'subscriber_ref']);
  });

  await knex.schema.createTable('itsm_stakeholder_updates', table => {
    table.comment('Append-only updates written for people outside the team');
    table.bigIncrements('id').primary();
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('stage', 16).notNullable();
    table.text('message').notNullable();
    table.text('impact').nullable();
    table.text('next_steps').nullable();
    table.datetime('next_update_at', { precision: 3 }).nullable();
    table.string('actor', 255).notNullable();
    table.datetime('at', { precision: 3 }).notNullable();
    table.integer('recipient_count').notNullable().defaultTo(0);
    table.index(['incident_id', 'id'], 'itsm_stakeholder_updates_incident_idx');
  });

  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION itsm_stakeholder_updates_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'itsm_stakeholder_updates is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER itsm_stakeholder_updates_no_update
      BEFORE UPDATE ON itsm_stakeholder_updates
      FOR EACH ROW EXECUTE FUNCTION itsm_stakeholder_updates_append_only();
    `);
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    await knex.raw(`
      CREATE TRIGGER itsm_stakeholder_updates_no_update
      BEFORE UPDATE ON itsm_stakeholder_updates
      BEGIN SELECT RAISE(ABORT, 'itsm_stakeholder_updates is append-only'); END;
    `);
  } else if (client === 'mysql' || client === 'mysql2') {
    await knex.raw(`
      CREATE TRIGGER itsm_stakeholder_updates_no_update
      BEFORE UPDATE ON itsm_stakeholder_updates
      FOR EACH ROW SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'itsm_stakeholder_updates is append-only'
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_stakeholder_updates');
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP FUNCTION IF EXISTS itsm_stakeholder_updates_append_only()',
    );
  }
  await knex.schema.dropTable('itsm_service_subscribers');
  await knex.schema.dropTable('itsm_incident_subscribers');
  await knex.schema.dropTable('itsm_incident_roles');
  await knex.schema.dropTable('itsm_major_incidents');
};
