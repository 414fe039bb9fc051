// @ts-check

/**
 * The estate's open incidents, newest first (the /itsm default view, and its
 * P1–P2 filter): a partial index over open incidents only, so the list reads
 * a few thousand entries however many closed ones pile up. MySQL has no
 * partial indexes: there, an index led by status and priority.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const client = String(knex.client.config.client);
  if (client.startsWith('mysql')) {
    await knex.schema.alterTable('itsm_incidents', table => {
      table.index(
        ['status', 'priority', 'detected_at'],
        'itsm_incidents_open_idx',
      );
    });
    return;
  }
  await knex.raw(
    `CREATE INDEX itsm_incidents_open_idx ON itsm_incidents (detected_at, id, priority)
     WHERE status IN ('new', 'acknowledged', 'in_progress', 'on_hold')`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex([], 'itsm_incidents_open_idx');
  });
};
