// @ts-check

/**
 * Changes (CHG-1042) on catalog services, their approvals and their
 * append-only audit trail. Incidents already point at the change that caused
 * them (itsm_incidents.caused_by_change_id).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('itsm_sequences').insert([{ name: 'change', value: 1000 }]);

  await knex.schema.createTable('itsm_changes', table => {
    table.comment('ITSM changes');
    table.string('id', 36).primary().notNullable();
    table.string('ref', 32).notNullable().unique();
    table.string('title', 400).notNullable();
    table.text('description').notNullable();
    table.string('type', 16).notNullable();
    table.string('risk', 8).notNullable();
    table.string('status', 16).notNullable();
    table.string('primary_service', 255).notNullable();
    table.string('requester', 255).notNullable();
    table.datetime('planned_start', { precision: 3 }).notNullable();
    table.datetime('planned_end', { precision: 3 }).notNullable();
    table.datetime('actual_start', { precision: 3 }).nullable();
    table.datetime('actual_end', { precision: 3 }).nullable();
    table.text('implementation_plan').notNullable();
    table.text('backout_plan').notNullable();
    table.text('test_plan').notNullable();
    table.string('problem_ref', 32).nullable();
    table.string('outcome', 16).nullable();
    table.text('outcome_notes').nullable();
    table.text('freeze_override_reason').nullable();
    table.integer('approval_round').notNullable().defaultTo(0);
    table.datetime('closed_at', { precision: 3 }).nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.index(['planned_start', 'id'], 'itsm_changes_planned_idx');
    table.index(['status'], 'itsm_changes_status_idx');
    table.index(['closed_at'], 'itsm_changes_closed_idx');
  });

  // One row per (change, service), with the window, status and outcome
  // copied so a service's calendar, conflicts and failure rate read off an
  // index without touching the changes table first.
  await knex.schema.createTable('itsm_change_services', table => {
    table.comment('Catalog entities a change touches');
    table
      .string('change_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_changes')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.boolean('is_primary').notNullable().defaultTo(false);
    table.datetime('planned_start', { precision: 3 }).notNullable();
    table.datetime('planned_end', { precision: 3 }).notNullable();
    table.string('status', 16).notNullable();
    table.primary(['change_id', 'entity_ref']);
    table.index(
      ['entity_ref', 'planned_start', 'change_id'],
      'itsm_change_services_calendar_idx',
    );
  });

  await knex.schema.createTable('itsm_change_approvals', table => {
    table.comment('Approval decisions on changes (append-only)');
    table.bigIncrements('id').primary();
    table
      .string('change_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_changes')
      .onDelete('CASCADE');
    table.integer('round').notNullable();
    table.string('approver', 255).notNullable();
    table.string('group_ref', 255).nullable();
    table.string('decision', 16).notNullable();
    table.text('comment').nullable();
    table.datetime('at', { precision: 3 }).notNullable();
    // One decision per approver per round, even under concurrent requests
    table.unique(['change_id', 'round', 'approver'], {
      indexName: 'itsm_change_approvals_once_uniq',
    });
  });

  await knex.schema.createTable('itsm_change_events', table => {
    table.comment('Append-only audit trail of change changes');
    table.bigIncrements('id').primary();
    table
      .string('change_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_changes')
      .onDelete('CASCADE');
    table.string('type', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.datetime('at', { precision: 3 }).notNullable();
    table.text('message').notNullable();
    table.text('before_json').nullable();
    table.text('after_json').nullable();
    table.index(['change_id', 'id'], 'itsm_change_events_change_idx');
  });

  // Incidents a change caused, for its page and the failure metrics
  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(['caused_by_change_id'], 'itsm_incidents_caused_by_idx');
  });

  for (const name of ['itsm_change_approvals', 'itsm_change_events']) {
    await refuseUpdates(knex, name);
  }
};

/**
 * The audit tables refuse edits at the database itself.
 *
 * @param {import('knex').Knex} knex
 * @param {string} table
 */
async function refuseUpdates(knex, table) {
  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION ${table}_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION '${table} is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER ${table}_no_update
      BEFORE UPDATE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();
    `);
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    await knex.raw(`
      CREATE TRIGGER ${table}_no_update
      BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    `);
  } else if (client === 'mysql' || client === 'mysql2') {
    await knex.raw(`
      CREATE TRIGGER ${table}_no_update
      BEFORE UPDATE ON ${table}
      FOR EACH ROW SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = '${table} is append-only'
    `);
  }
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['caused_by_change_id'], 'itsm_incidents_caused_by_idx');
  });
  for (const name of ['itsm_change_events', 'itsm_change_approvals']) {
    await knex.schema.dropTable(name);
    if (knex.client.config.client === 'pg') {
      await knex.raw(`DROP FUNCTION IF EXISTS ${name}_append_only()`);
    }
  }
  await knex.schema.dropTable('itsm_change_services');
  await knex.schema.dropTable('itsm_changes');
  await knex('itsm_sequences').where({ name: 'change' }).delete();
};
