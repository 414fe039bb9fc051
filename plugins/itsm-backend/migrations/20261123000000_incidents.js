// @ts-check

/**
 * Incidents, the services they affect, their append-only timeline and the
 * per-type sequences that give human refs (INC-1042).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_sequences', table => {
    table.comment('Counters for human refs, one row per ref type');
    table.string('name', 32).primary().notNullable();
    table.bigInteger('value').notNullable();
  });
  await knex('itsm_sequences').insert([{ name: 'incident', value: 1000 }]);

  await knex.schema.createTable('itsm_incidents', table => {
    table.comment('ITSM incidents');
    table.string('id', 36).primary().notNullable();
    table.string('ref', 32).notNullable().unique();
    table.string('title', 400).notNullable();
    table.text('description').notNullable();
    table.string('primary_service', 255).notNullable();
    table.string('category', 64).notNullable();
    table.string('impact', 8).notNullable();
    table.string('urgency', 8).notNullable();
    table.string('priority', 2).notNullable();
    table.string('status', 16).notNullable();
    table.string('assignee', 255).nullable();
    table.string('assigned_group', 255).nullable();
    table.string('reporter', 255).notNullable();
    table.string('reporter_contact', 255).nullable();
    table.string('source', 32).notNullable();
    table.string('dedup_key', 255).nullable();
    table.datetime('occurred_at', { precision: 3 }).nullable();
    table.datetime('detected_at', { precision: 3 }).notNullable();
    table.datetime('acknowledged_at', { precision: 3 }).nullable();
    table.datetime('resolved_at', { precision: 3 }).nullable();
    table.datetime('closed_at', { precision: 3 }).nullable();
    table.string('resolution_code', 32).nullable();
    table.text('resolution_notes').nullable();
    table.string('problem_id', 36).nullable();
    table.string('caused_by_change_id', 36).nullable();
    table.boolean('major').notNullable().defaultTo(false);
    table.integer('reopen_count').notNullable().defaultTo(0);
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.unique(['source', 'dedup_key'], {
      indexName: 'itsm_incidents_source_dedup_key_uniq',
    });
    table.index(['detected_at', 'id'], 'itsm_incidents_detected_idx');
    table.index(['status', 'detected_at'], 'itsm_incidents_status_idx');
    table.index(['assigned_group', 'status'], 'itsm_incidents_group_idx');
  });

  // One row per (incident, affected service). detected_at and status are
  // copied here so a service's history and open incidents are read straight
  // off an index, without touching the incidents table first.
  await knex.schema.createTable('itsm_incident_services', table => {
    table.comment('Catalog entities affected by an incident');
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.boolean('is_primary').notNullable().defaultTo(false);
    table.datetime('detected_at', { precision: 3 }).notNullable();
    table.string('status', 16).notNullable();
    table.primary(['incident_id', 'entity_ref']);
    table.index(
      ['entity_ref', 'detected_at', 'incident_id'],
      'itsm_incident_services_history_idx',
    );
    table.index(['entity_ref', 'status'], 'itsm_incident_services_status_idx');
  });

  await knex.schema.createTable('itsm_timeline_events', table => {
    table.comment('Append-only audit trail of incident changes');
    table.bigIncrements('id').primary();
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('type', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.datetime('at', { precision: 3 }).notNullable();
    table.text('message').notNullable();
    table.text('before_json').nullable();
    table.text('after_json').nullable();
    table.index(['incident_id', 'id'], 'itsm_timeline_events_incident_idx');
  });

  // The timeline is the audit trail: refuse edits at the database itself.
  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION itsm_timeline_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'itsm_timeline_events is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER itsm_timeline_events_no_update
      BEFORE UPDATE ON itsm_timeline_events
      FOR EACH ROW EXECUTE FUNCTION itsm_timeline_events_append_only();
    `);
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    await knex.raw(`
      CREATE TRIGGER itsm_timeline_events_no_update
      BEFORE UPDATE ON itsm_timeline_events
      BEGIN SELECT RAISE(ABORT, 'itsm_timeline_events is append-only'); END;
    `);
  } else if (client === 'mysql' || client === 'mysql2') {
    await knex.raw(`
      CREATE TRIGGER itsm_timeline_events_no_update
      BEFORE UPDATE ON itsm_timeline_events
      FOR EACH ROW SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'itsm_timeline_events is append-only'
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_timeline_events');
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP FUNCTION IF EXISTS itsm_timeline_events_append_only()',
    );
  }
  await knex.schema.dropTable('itsm_incident_services');
  await knex.schema.dropTable('itsm_incidents');
  await knex.schema.dropTable('itsm_sequences');
};
