import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { PagedResults } from '../common/PagedResults';
import { useCursorPages } from '../common/useCursorPages';
import { useDebouncedFilters } from '../common/useDebouncedFilters';
import {
  EMPTY_FILTERS,
  IncidentFilters,
  IncidentFilterValues,
} from './IncidentFilters';
import {
  INCIDENT_TABLE_FIELDS,
  IncidentTable,
  IncidentTableRow,
} from './IncidentTable';
import {
  filtersFromParams,
  filtersToParams,
  sameFilters,
} from './incidentFilterParams';
import { OpenProblemDialog } from '../problems/OpenProblemDialog';
import { itsmProblemCreatePermission } from '@openitsm/backstage-plugin-itsm-common';
import { Permitted } from '../common/Permitted';

const PAGE_SIZE = 25;

/** `YYYY-MM-DD` (local) → the instant that day starts, or the next day for `to`. */
function dayBoundary(date: string, endOfDay: boolean): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + (endOfDay ? 1 : 0)).toISOString();
}

/**
 * Incidents, newest first, filterable and paged by cursor: one service's
 * history when `entityRef` is given, the whole estate otherwise.
 */
export function IncidentHistory(props: {
  entityRef?: string;
  /** Bump to reload, e.g. after reporting an incident. */
  reloadKey?: number;
  /** Rows can be selected to open a problem from them. */
  selectable?: boolean;
}) {
  const api = useApi(itsmApiRef);
  const pages = useCursorPages();
  // Filters live in the URL's query, so a filtered view can be shared
  const [searchParams, setSearchParams] = useSearchParams();
  const [initial] = useState(() => filtersFromParams(searchParams));
  const { filters, setFilters, applied } =
    useDebouncedFilters<IncidentFilterValues>(initial, pages.reset);
  useEffect(() => {
    const next = filtersToParams(applied, searchParams);
    if (next.toString() !== searchParams.toString()) {
      setSearchParams(next, { replace: true });
    }
  }, [applied, searchParams, setSearchParams]);
  // Selected incidents, kept across pages and filters
  const [selected, setSelected] = useState<IncidentTableRow[]>([]);
  const [openingProblem, setOpeningProblem] = useState(false);

  const result = useAsyncRetry(
    () =>
      api.listIncidentFields(
        {
          entityRef: props.entityRef ?? (applied.entityRef.trim() || undefined),
          status: applied.status,
          priority: applied.priority,
          q: applied.q.trim() || undefined,
          from: dayBoundary(applied.from, false),
          to: dayBoundary(applied.to, true),
          slaBreached: applied.slaBreached || undefined,
          assignedGroup: applied.assignedGroup || undefined,
          assignee: applied.assignee || undefined,
          category: applied.category || undefined,
          limit: PAGE_SIZE,
          cursor: pages.current.cursor,
        },
        // Only what the table shows: half the bytes of whole incidents
        INCIDENT_TABLE_FIELDS,
      ),
    [api, props.entityRef, props.reloadKey, applied, pages.current],
  );

  return (
    <>
      {props.selectable && selected.length > 0 && (
        <Box display="flex" alignItems="center" gridGap={8} mb={1}>
          <Typography variant="body2">{selected.length} selected</Typography>
          <Permitted permission={itsmProblemCreatePermission}>
            <Button
              size="small"
              color="primary"
              variant="contained"
              onClick={() => setOpeningProblem(true)}
            >
              Open problem from selection
            </Button>
          </Permitted>
          <Button size="small" onClick={() => setSelected([])}>
            Clear
          </Button>
          <OpenProblemDialog
            open={openingProblem}
            onClose={() => setOpeningProblem(false)}
            incidents={selected}
          />
        </Box>
      )}
      <IncidentFilters
        value={filters}
        onChange={setFilters}
        showServiceFilter={!props.entityRef}
      />
      <PagedResults
        result={result}
        pages={pages}
        emptyTitle="No incidents"
        emptyDescription={
          sameFilters(applied, EMPTY_FILTERS)
            ? 'Nothing has been reported here yet.'
            : 'No incident matches these filters.'
        }
      >
        {items => (
          <IncidentTable
            incidents={items}
            showServices={!props.entityRef}
            selected={props.selectable ? selected.map(i => i.id) : undefined}
            onSelectedChange={ids => {
              const known = [...selected, ...items];
              setSelected(
                ids.map(id => known.find(i => i.id === id)!).filter(Boolean),
              );
            }}
          />
        )}
      </PagedResults>
    </>
  );
}
