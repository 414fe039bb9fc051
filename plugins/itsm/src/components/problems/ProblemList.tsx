import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { PagedResults } from '../common/PagedResults';
import { useCursorPages } from '../common/useCursorPages';
import { useDebouncedFilters } from '../common/useDebouncedFilters';
import {
  EMPTY_PROBLEM_FILTERS,
  ProblemFilters,
  ProblemFilterValues,
} from './ProblemFilters';
import { ProblemTable } from './ProblemTable';

const PAGE_SIZE = 25;

/**
 * Problems, newest first, filterable and paged by cursor: one service's when
 * `entityRef` is given, the whole estate's otherwise.
 */
export function ProblemList(props: { entityRef?: string; reloadKey?: number }) {
  const api = useApi(itsmApiRef);
  const pages = useCursorPages();
  const { filters, setFilters, applied } =
    useDebouncedFilters<ProblemFilterValues>(
      EMPTY_PROBLEM_FILTERS,
      pages.reset,
    );

  const result = useAsyncRetry(
    () =>
      api.listProblems({
        entityRef: props.entityRef ?? (applied.entityRef.trim() || undefined),
        status: applied.status.length ? applied.status : undefined,
        ownerGroup: applied.ownerGroup.trim() || undefined,
        minAgeDays: applied.minAgeDays ? Number(applied.minAgeDays) : undefined,
        q: applied.q.trim() || undefined,
        limit: PAGE_SIZE,
        cursor: pages.current.cursor,
      }),
    [api, props.entityRef, props.reloadKey, applied, pages.current],
  );

  return (
    <>
      <ProblemFilters
        value={filters}
        onChange={setFilters}
        showServiceFilter={!props.entityRef}
      />
      <PagedResults
        result={result}
        pages={pages}
        emptyTitle="No problems"
        emptyDescription={
          applied === EMPTY_PROBLEM_FILTERS
            ? 'No problem has been opened here yet.'
            : 'No problem matches these filters.'
        }
        summary={(_page, total) =>
          total !== undefined && `${total} problem${total === 1 ? '' : 's'}`
        }
      >
        {items => (
          <ProblemTable problems={items} showServices={!props.entityRef} />
        )}
      </PagedResults>
    </>
  );
}
