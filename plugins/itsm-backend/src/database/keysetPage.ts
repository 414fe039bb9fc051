import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import { DbTime } from './DbTime';

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
    /** e.g. `i.*` when the query joins other tables. */
    select?: string;
    withTotal?: boolean;
  },
): Promise<{ rows: Row[]; hasMore: boolean; totalCount?: number }> {
  const { timeColumn, idColumn, limit, cursor } = options;
  const counting =
    options.withTotal && !cursor
      ? query
          .clone()
          .clearSelect()
          .clearOrder()
          .count({ count: '*' })
          .first()
          .then(row => Number((row as { count: number | string }).count))
      : Promise.resolve(undefined);
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
  const [rows, totalCount] = await Promise.all([
    query
      .orderBy([
        { column: timeColumn, order: 'desc' },
        { column: idColumn, order: 'desc' },
      ])
      .limit(limit + 1) as Promise<Row[]>,
    counting,
  ]);
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
