import { useRef } from 'react';

/** The total comes with the first page only; keep it while paging on. */
export function useKnownTotal(page?: { totalCount?: number }) {
  const totalRef = useRef<number>();
  if (page?.totalCount !== undefined) {
    totalRef.current = page.totalCount;
  }
  return totalRef.current;
}
