import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  CHANGE_STATUSES,
  ChangeStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { MultiOptionSelect } from '../common/MultiOptionSelect';
import { ChangeTable } from './ChangeTable';
import { humanize } from '../common/humanize';

const PAGE_SIZE = 25;

type PagePosition = { cursor?: string; offset: number };
const FIRST_PAGE: PagePosition = { offset: 0 };

/**
 * Changes, latest planned start first, filterable by status and paged by
 * cursor: one service's when `entityRef` is given, the estate's otherwise.
 */
export function ChangeList(props: { entityRef?: string; reloadKey?: number }) {
  const api = useApi(itsmApiRef);
  const [status, setStatus] = useState<ChangeStatus[]>([]);
  const [pages, setPages] = useState<PagePosition[]>([FIRST_PAGE]);
  const current = pages[pages.length - 1];
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
  const totalRef = useRef<number>();
  if (result.value?.totalCount !== undefined) {
    totalRef.current = result.value.totalCount;
  }

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
    const total = totalRef.current;
    body = (
      <>
        <ChangeTable changes={page.items} showServices={!props.entityRef} />
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          gridGap={16}
          mt={1}
        >
          <Typography variant="body2" color="textSecondary">
            {current.offset + 1}–{current.offset + page.items.length}
            {total !== undefined ? ` of ${total}` : ''}
          </Typography>
          <Button
            size="small"
            disabled={pages.length === 1}
            onClick={() => setPages(pages.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            size="small"
            disabled={!page.nextCursor}
            onClick={() =>
              setPages([
                ...pages,
                {
                  cursor: page.nextCursor,
                  offset: current.offset + page.items.length,
                },
              ])
            }
          >
            Next
          </Button>
        </Box>
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
            setPages([FIRST_PAGE]);
          }}
        />
      </Box>
      {body}
    </>
  );
}
