import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/**
 * Filters as typed (`filters`) and as applied to the query (`applied`, 300 ms
 * later, so typing does not send a request per key); `onApply` runs when
 * they are applied, e.g. to go back to the first page.
 */
export function useDebouncedFilters<F>(initial: F, onApply: () => void) {
  const [filters, setFilters] = useState<F>(initial);
  const [applied, setApplied] = useState<F>(initial);
  useDebounce(
    () => {
      if (filters !== applied) {
        setApplied(filters);
        onApply();
      }
    },
    300,
    [filters],
  );
  return { filters, setFilters, applied };
}
