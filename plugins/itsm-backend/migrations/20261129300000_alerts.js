// @ts-check

/**
 * Alerts taken in from monitoring (Alertmanager, PagerDuty Events v2,
 * Grafana, generic webhooks). One row per (source, dedup key): a repeat
 * bumps its counter and last-seen time, it never adds a row. The unique
 * index is what keeps ingestion idempotent across replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_alerts', table => {
    table.comment('Alerts from monitoring, deduplicated by source and key');
    table.string('id', 36).primary().notNullable();
    table.string('source', 32).notNullable();
    table.string('dedup_key', 255).notNullable();
    table
      .string('incident_id', 36)
      .nullable()
      .references('id')
      .inTable('itsm_incidents')
      .onDelete('SET NULL');
    // null: no service matched; the alert waits in the triage list
    table.string('entity_ref', 255).nullable();
    table.string('status', 16).notNullable();
    table.string('title', 400).notNullable();
    table.text('description').notNullable();
    table.string('severity', 32).nullable();
    table.text('labels_json').notNullable();
    table.text('annotations_json').notNullable();
    table.text('links_json').notNullable();
    table.integer('received_count').notNullable().defaultTo(1);
    table.datetime('first_seen_at', { precision: 3 }).notNullable();
    table.datetime('last_seen_at', { precision: 3 }).notNullable();
    table.datetime('resolved_at', { precision: 3 }).nullable();
    table.unique(['source', 'dedup_key'], {
      indexName: 'itsm_alerts_source_dedup_key_uniq',
    });
    table.index(['incident_id', 'last_seen_at'], 'itsm_alerts_incident_idx');
    table.index(
      ['entity_ref', 'last_seen_at', 'id'],
      'itsm_alerts_entity_seen_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_alerts');
};
