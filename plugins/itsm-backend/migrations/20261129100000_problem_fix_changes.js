// @ts-check

/**
 * One link between a problem and the changes that fix it: the change's
 * problem_ref. A problem's fix changes are read from it (by this index), so
 * itsm_problems.fix_change_ref is no longer read or written; its values are
 * carried over to the changes that did not name a problem yet.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_changes', table => {
    table.index(['problem_ref', 'created_at'], 'itsm_changes_problem_idx');
  });
  const fixed = await knex('itsm_problems')
    .whereNotNull('fix_change_ref')
    .select('ref', 'fix_change_ref');
  for (const row of fixed) {
    await knex('itsm_changes')
      .where({ ref: row.fix_change_ref })
      .whereNull('problem_ref')
      .update({ problem_ref: row.ref });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_changes', table => {
    table.dropIndex(['problem_ref', 'created_at'], 'itsm_changes_problem_idx');
  });
};
