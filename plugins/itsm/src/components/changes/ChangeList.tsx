import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  CHANGE_STATUSES,
  ChangeStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { MultiOptionSelect } from '../common/MultiOptionSelect';
import { PagedResults } from '../common/PagedResults';
import { useCursorPages } from '../common/useCursorPages';
import { ChangeTable } from './ChangeTable';
import { humanize } from '../common/humanize';

const PAGE_SIZE = 25;

/**
 * Changes, latest planned start first, filterable by status and paged by
 * cursor: one service's when `entityRef` is given, the estate's otherwise.
 */
export function ChangeList(props: { entityRef?: string; reloadKey?: number }) {
  const api = useApi(itsmApiRef);
  const [status, setStatus] = useState<ChangeStatus[]>([]);
  const pages = useCursorPages();
  const result = useAsyncRetry(
    () =>
      api.listChanges({
        entityRef: props.entityRef,
        status,
        limit: PAGE_SIZE,
        cursor: pages.current.cursor,
      }),
    [api, props.entityRef, props.reloadKey, status, pages.current],
  );

  return (
    <>
      <Box maxWidth={320}>
        <MultiOptionSelect
          id="itsm-change-status"
          label="Status"
          value={status}
          options={CHANGE_STATUSES}
          format={humanize}
          onChange={value => {
            setStatus(value);
            pages.reset();
          }}
        />
      </Box>
      <PagedResults
        result={result}
        pages={pages}
        emptyTitle="No changes"
        emptyDescription={
          status.length
            ? 'No change matches these statuses.'
            : 'No change has been requested here yet.'
        }
      >
        {items => (
          <ChangeTable changes={items} showServices={!props.entityRef} />
        )}
      </PagedResults>
    </>
  );
}
