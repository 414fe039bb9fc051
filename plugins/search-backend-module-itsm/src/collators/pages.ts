import { Page } from '@openitsm/backstage-plugin-itsm-common';

/**
 * Every item of a cursor-paginated ITSM list, one page in memory at a time:
 * the next page is asked for only when the indexer has taken this one.
 */
export async function* eachItem<T>(
  readPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
