// @ts-check

/**
 * Post-incident reviews (one per incident, its sections as JSON) and their
 * action items (ACT-1042), each owned by a user or a group with a due day.
 * `overdue_notified_at` is claimed by one conditional update, so the owner
 * hears about an overdue item once, whichever replica runs the task.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('itsm_sequences').insert({ name: 'action_item', value: 1000 });

  await knex.schema.createTable('itsm_reviews', table => {
    table.comment('Post-incident reviews: one per incident');
    table.string('id', 36).primary().notNullable();
    table
      .string('incident_id', 36)
      .notNullable()
      .unique()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('status', 16).notNullable();
    table.integer('revision').notNullable().defaultTo(1);
    table.text('sections_json').notNullable();
    table.text('reviewers_json').notNullable();
    table.text('approvals_json').notNullable();
    table.string('created_by', 255).notNullable();
    table.datetime('published_at', { precision: 3 }).nullable();
    table.string('published_by', 255).nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.index(['status', 'updated_at'], 'itsm_reviews_status_idx');
  });

  await knex.schema.createTable('itsm_action_items', table => {
    table.comment('Action items of post-incident reviews');
    table.string('id', 36).primary().notNullable();
    table.string('ref', 32).notNullable().unique();
    table.string('title', 400).notNullable();
    table.text('description').nullable();
    table.string('owner', 255).notNullable();
    // A calendar day, YYYY-MM-DD: compares as text on every database
    table.string('due_date', 10).notNullable();
    table.string('status', 16).notNullable();
    table
      .string('incident_id', 36)
      .nullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('CASCADE');
    table.string('review_id', 36).nullable();
    table.string('problem_id', 36).nullable();
    table.string('change_id', 36).nullable();
    table.string('created_by', 255).notNullable();
    table.datetime('completed_at', { precision: 3 }).nullable();
    table.datetime('overdue_notified_at', { precision: 3 }).nullable();
    table.integer('version').notNullable().defaultTo(1);
    table.datetime('created_at', { precision: 3 }).notNullable();
    table.datetime('updated_at', { precision: 3 }).notNullable();
    table.index(['owner', 'status', 'due_date'], 'itsm_action_items_owner_idx');
    table.index(['status', 'due_date'], 'itsm_action_items_due_idx');
    table.index(['incident_id'], 'itsm_action_items_incident_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_action_items');
  await knex.schema.dropTable('itsm_reviews');
  await knex('itsm_sequences').where({ name: 'action_item' }).delete();
};
