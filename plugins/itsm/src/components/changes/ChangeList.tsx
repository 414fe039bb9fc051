import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
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
import { PagerBar, pageRange } from '../common/PagerBar';
import { useCursorPages } from '../common/useCursorPages';
import { useKnownTotal } from '../common/useKnownTotal';
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
  const { current } = pages;
  const result = useAsyncRetry(
    () =>
      api.listChanges({
        entityRef: props.entityRef,
        status,
        limit: PAGE_SIZE,
        cursor: current.cursor,
      }),
    [api, props.entityRef, props.reloadKey, status, current],
  );
  const total = useKnownTotal(result.value);

  let body;
  if (result.loading && !result.value) {
    body = <Progress />;
  } else if (result.error) {
    body = <ResponseErrorPanel error={result.error} />;
  } else if (result.value && result.value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No changes"
        description={
          status.length
            ? 'No change matches these statuses.'
            : 'No change has been requested here yet.'
        }
      />
    );
  } else if (result.value) {
    const page = result.value;
    body = (
      <>
        <ChangeTable changes={page.items} showServices={!props.entityRef} />
        <PagerBar
          pages={pages}
          page={page}
          summary={pageRange(current.offset, page.items.length, total)}
        />
      </>
    );
  }

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
      {body}
    </>
  );
}
