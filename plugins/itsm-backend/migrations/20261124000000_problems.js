// @ts-check

/**
 * Problems (PRB-1042) with the services they affect, workarounds (WA-1042)
 * of a problem or standalone known errors, which incidents applied them, the
 * problems the recurrence detector proposes, and an append-only audit trail
 * of problems and workarounds. Incidents link to a problem through
 * itsm_incidents.problem_id.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('itsm_sequences').insert([
    { name: 'problem', value: 1000 },
    { name: 'workaround', value: 1000 },
  ]);

  await knex.schema.createTable('itsm_problems', table => {
    table.comment('ITSM problems: the cause behind one or more incidents');
    table.string('id', 36).primary().notNullable();
    table.string('ref', 32).notNullable().unique();
    table.string('title', 400).notNullable();
    table.text('description').notNullable();
    table.string('status', 16).notNullable();
    table.text('root_cause').nullable();
    // A plain ref: changes live in their own module, no FK
    table.string('fix_change_ref', 32).nullable();
    table.string('owner_group', 255).nullable();
    table.string('assignee', 255).nullable();
    table.string('created_by', 255).notNullable();
    table.datetime('resolved_at', { precision: 3 }).nullable();
    table.datetime('closed_at', { precision: 3 }).nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.index(['created_at', 'id'], 'itsm_problems_created_idx');
    table.index(['status', 'created_at'], 'itsm_problems_status_idx');
    table.index(['owner_group', 'status'], 'itsm_problems_group_idx');
  });

  // Affected services, kept as the union of the linked incidents' services
  // (added_by_hand false, rewritten on every link change) and those added by
  // hand, so a service's problems are read off an index.
  await knex.schema.createTable('itsm_problem_services', table => {
    table.comment('Catalog entities affected by a problem');
    table
      .string('problem_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_problems')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.boolean('added_by_hand').notNullable();
    table.primary(['problem_id', 'entity_ref', 'added_by_hand']);
    table.index(
      ['entity_ref', 'problem_id'],
      'itsm_problem_services_entity_idx',
    );
  });

  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(['problem_id'], 'itsm_incidents_problem_idx');
  });

  await knex.schema.createTable('itsm_workarounds', table => {
    table.comment('Workarounds of problems, or standalone known errors');
    table.string('id', 36).primary().notNullable();
    table.string('ref', 32).notNullable().unique();
    table
      .string('problem_id', 36)
      .nullable()
      .references('id')
      .inTable('itsm_problems')
      .onDelete('CASCADE');
    table.string('title', 400).notNullable();
    table.text('steps').notNullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 255).notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.index(['problem_id'], 'itsm_workarounds_problem_idx');
    table.index(['created_at', 'id'], 'itsm_workarounds_created_idx');
  });

  await knex.schema.createTable('itsm_workaround_services', table => {
    table.comment('Catalog entities a workaround applies to');
    table
      .string('workaround_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_workarounds')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('status', 16).notNullable();
    table.primary(['workaround_id', 'entity_ref']);
    table.index(
      ['entity_ref', 'status'],
      'itsm_workaround_services_entity_idx',
    );
  });

  await knex.schema.createTable('itsm_workaround_uses', table => {
    table.comment('Incidents on which a workaround was applied');
    table
      .string('workaround_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_workarounds')
      .onDelete('CASCADE');
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('actor', 255).notNullable();
    table.datetime('at', { precision: 3 }).notNullable();
    table.primary(['workaround_id', 'incident_id']);
  });

  await knex.schema.createTable('itsm_problem_proposals', table => {
    table.comment('Problems proposed by the recurrence detector');
    table.string('id', 36).primary().notNullable();
    // sha256 of the sorted incident ids: one proposal per set, ever, so a
    // dismissed set does not come back
    table.string('set_key', 64).notNullable().unique();
    table.string('entity_ref', 255).notNullable();
    table.string('reason', 16).notNullable();
    table.string('title', 400).notNullable();
    table.text('summary').notNullable();
    table.text('incident_ids').notNullable();
    table.string('status', 16).notNullable();
    table.string('problem_id', 36).nullable();
    table.string('decided_by', 255).nullable();
    table.datetime('decided_at', { precision: 3 }).nullable();
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.index(
      ['status', 'entity_ref', 'created_at'],
      'itsm_problem_proposals_status_idx',
    );
  });

  await knex.schema.createTable('itsm_problem_events', table => {
    table.comment('Append-only audit trail of problems and workarounds');
    table.bigIncrements('id').primary();
    table.string('subject_kind', 16).notNullable();
    table.string('subject_id', 36).notNullable();
    table.string('type', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.datetime('at', { precision: 3 }).notNullable();
    table.text('message').notNullable();
    table.text('before_json').nullable();
    table.text('after_json').nullable();
    table.index(
      ['subject_kind', 'subject_id', 'id'],
      'itsm_problem_events_idx',
    );
  });

  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION itsm_problem_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'itsm_problem_events is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER itsm_problem_events_no_update
      BEFORE UPDATE ON itsm_problem_events
      FOR EACH ROW EXECUTE FUNCTION itsm_problem_events_append_only();
    `);
    // Similar-incident search: full text over title and description
    await knex.raw(`
      CREATE INDEX itsm_incidents_text_idx ON itsm_incidents
      USING gin (to_tsvector('simple', title || ' ' || description))
    `);
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    await knex.raw(`
      CREATE TRIGGER itsm_problem_events_no_update
      BEFORE UPDATE ON itsm_problem_events
      BEGIN SELECT RAISE(ABORT, 'itsm_problem_events is append-only'); END;
    `);
  } else if (client === 'mysql' || client === 'mysql2') {
    await knex.raw(`
      CREATE TRIGGER itsm_problem_events_no_update
      BEFORE UPDATE ON itsm_problem_events
      FOR EACH ROW SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'itsm_problem_events is append-only'
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw('DROP INDEX IF EXISTS itsm_incidents_text_idx');
  }
  await knex.schema.dropTable('itsm_problem_events');
  if (client === 'pg') {
    await knex.raw('DROP FUNCTION IF EXISTS itsm_problem_events_append_only()');
  }
  await knex.schema.dropTable('itsm_problem_proposals');
  await knex.schema.dropTable('itsm_workaround_uses');
  await knex.schema.dropTable('itsm_workaround_services');
  await knex.schema.dropTable('itsm_workarounds');
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex([], 'itsm_incidents_problem_idx');
  });
  await knex.schema.dropTable('itsm_problem_services');
  await knex.schema.dropTable('itsm_problems');
  await knex('itsm_sequences')
    .whereIn('name', ['problem', 'workaround'])
    .delete();
};
