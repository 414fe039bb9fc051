import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { itsmApiRef } from '../../api';
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
  const [filters, setFilters] = useState(EMPTY_PROBLEM_FILTERS);
  const [applied, setApplied] = useState<ProblemFilterValues>(
    EMPTY_PROBLEM_FILTERS,
  );
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const cursor = cursors[cursors.length - 1];

  useDebounce(
    () => {
      if (filters !== applied) {
        setApplied(filters);
        setCursors([undefined]);
      }
    },
    300,
    [filters],
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
        cursor,
      }),
    [api, props.entityRef, props.reloadKey, applied, cursor],
  );
  const totalRef = useRef<number>();
  if (result.value?.totalCount !== undefined) {
    totalRef.current = result.value.totalCount;
  }

  let body;
  if (result.loading && !result.value) {
    body = <Progress />;
  } else if (result.error) {
    body = <ResponseErrorPanel error={result.error} />;
  } else if (result.value && !result.value.items.length) {
    body = (
      <EmptyState
        missing="data"
        title="No problems"
        description={
          applied === EMPTY_PROBLEM_FILTERS
            ? 'No problem has been opened here yet.'
            : 'No problem matches these filters.'
        }
      />
    );
  } else if (result.value) {
    body = (
      <>
        <ProblemTable
          problems={result.value.items}
          showServices={!props.entityRef}
        />
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          gridGap={16}
          mt={1}
        >
          {totalRef.current !== undefined && (
            <Typography variant="body2" color="textSecondary">
              {totalRef.current} problem{totalRef.current === 1 ? '' : 's'}
            </Typography>
          )}
          <Button
            size="small"
            disabled={cursors.length === 1}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            size="small"
            disabled={!result.value.nextCursor}
            onClick={() => setCursors([...cursors, result.value!.nextCursor])}
          >
            Next
          </Button>
        </Box>
      </>
    );
  }
  return (
    <>
      <ProblemFilters
        value={filters}
        onChange={setFilters}
        showServiceFilter={!props.entityRef}
      />
      {body}
    </>
  );
}
