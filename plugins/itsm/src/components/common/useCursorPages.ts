import { useState } from 'react';

/** Where a page starts: its cursor (none for the first) and first position. */
export interface PagePosition {
  cursor?: string;
  offset: number;
}

const FIRST_PAGE: PagePosition = { offset: 0 };

/** The pages of a cursor-paged list seen so far, to go back and forth. */
export function useCursorPages() {
  const [pages, setPages] = useState<PagePosition[]>([FIRST_PAGE]);
  const current = pages[pages.length - 1];
  return {
    current,
    hasPrevious: pages.length > 1,
    previous: () => setPages(pages.slice(0, -1)),
    /** Moves past `page`, the one shown now. */
    next: (page: { items: unknown[]; nextCursor?: string }) =>
      setPages([
        ...pages,
        {
          cursor: page.nextCursor,
          offset: current.offset + page.items.length,
        },
      ]),
    /** Back to the first page, e.g. when the filters change. */
    reset: () => setPages([FIRST_PAGE]),
  };
}

/** What useCursorPages returns. */
export type CursorPages = ReturnType<typeof useCursorPages>;
