import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import { DbTime } from './DbTime';
import { readPrepared } from './readPrepared';

/**
 * One page of a list, newest first by `(timeColumn, idColumn)`, read with a
 * keyset cursor (so a page costs the same however deep it is). With
 * `withTotal`, the first page also counts every match, alongside the page.
 */
export async function newestFirstPage<Row>(
  query: Knex.QueryBuilder,
  options: {
    timeColumn: string;
    idColumn: string;
    limit: number;
    cursor?: string;
    time: DbTime;
    /** e.g. `i.*` when the query joins other tables, or some columns. */
    select?: string | string[];
    withTotal?: boolean;
    /** Read as a prepared statement (a fixed-shape read of one service). */
    prepared?: Knex;
  },
): Promise<{ rows: Row[]; hasMore: boolean; totalCount?: number }> {
  const { timeColumn, idColumn, limit, cursor } = options;
  // The first page's total rides along as an uncorrelated subquery (run
  // once): one round trip to the database instead of two.
  const counting = Boolean(options.withTotal && !cursor);
  if (counting) {
    query.select(
      query
        .clone()
        .clearSelect()
        .clearOrder()
        .count({ count: '*' })
        .as('total_count'),
    );
  }
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'cursor', ['time', 'id']);
    const atDb = options.time.toDb(at);
    query.where(inner =>
      inner
        .where(timeColumn, '<', atDb)
        .orWhere(sub =>
          sub.where(timeColumn, '=', atDb).where(idColumn, '<', id),
        ),
    );
  }
  if (options.select) query.select(options.select);
  query
    .orderBy([
      { column: timeColumn, order: 'desc' },
      { column: idColumn, order: 'desc' },
    ])
    .limit(limit + 1);
  const rows = (
    options.prepared ? await readPrepared(options.prepared, query) : await query
  ) as Array<Row & { total_count?: number | string }>;
  // An empty first page has no row to carry the total: there is none
  const totalCount = counting ? Number(rows[0]?.total_count ?? 0) : undefined;
  return {
    rows: rows.slice(0, limit),
    hasMore: rows.length > limit,
    totalCount,
  };
}

/** The cursor of the next page, from the sort key of this page's last item. */
export function nextPageCursor(
  hasMore: boolean,
  lastKey: [time: string, id: string] | undefined,
): string | undefined {
  return hasMore && lastKey ? encodeCursor(lastKey) : undefined;
}

/**
 * One page of an append-only event table, oldest first by its increasing id.
 */
export async function oldestFirstEvents<Row, Item extends { id: string }>(
  query: Knex.QueryBuilder,
  options: { limit: number; cursor?: string },
  toItem: (row: Row) => Item,
): Promise<{ items: Item[]; nextCursor?: string }> {
  query.orderBy('id', 'asc').limit(options.limit + 1);
  if (options.cursor) {
    const [afterId] = decodeCursor(options.cursor, 'cursor', ['serial']);
    query.where('id', '>', Number(afterId));
  }
  const rows = (await query) as Row[];
  const items = rows.slice(0, options.limit).map(toItem);
  return {
    items,
    nextCursor:
      rows.length > options.limit
        ? encodeCursor([items[items.length - 1].id])
        : undefined,
  };
}
