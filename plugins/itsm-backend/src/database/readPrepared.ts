import { createHash } from 'node:crypto';
import { Knex } from 'knex';

/**
 * Runs a read as a named prepared statement on PostgreSQL, so that each
 * pooled connection plans it once rather than on every request: for a
 * service page's reads PostgreSQL spent as long planning as executing (at
 * 1M incidents, a service's history page took 2.2 ms unnamed against 1.3 ms
 * prepared, its summary 2.5 ms against 1.1 ms). Other databases run the
 * query as knex would.
 *
 * Only for statements of a fixed shape (the name is the hash of the SQL, so
 * each distinct text is prepared once per connection), outside transactions.
 */
export async function readPrepared<Row>(
  db: Knex,
  query: Knex.QueryBuilder | Knex.Raw,
): Promise<Row[]> {
  if (String(db.client.config.client) !== 'pg') {
    return (await query) as Row[];
  }
  const { sql, bindings } = query.toSQL().toNative();
  const name = `itsm_${createHash('sha1').update(sql).digest('hex')}`;
  const connection = await db.client.acquireConnection();
  try {
    const result = await connection.query({
      name,
      text: sql,
      values: bindings,
    });
    return result.rows as Row[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}
