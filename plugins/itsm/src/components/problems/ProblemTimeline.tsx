import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ProblemEvent } from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';
import { formatDateTime } from '../common/formatTime';

/** The problem's append-only audit trail, oldest first, page by page. */
export function ProblemTimeline(props: {
  problemId: string;
  reloadKey: number;
}) {
  const api = useApi(itsmApiRef);
  const [events, setEvents] = useState<ProblemEvent[]>([]);
  const [next, setNext] = useState<string>();
  const [state, load] = useAsyncFn(
    async (cursor?: string) => {
      const page = await api.getProblemTimeline(props.problemId, {
        limit: 100,
        cursor,
      });
      setEvents(previous =>
        cursor ? [...previous, ...page.items] : page.items,
      );
      setNext(page.nextCursor);
    },
    [api, props.problemId],
  );
  useEffect(() => {
    load();
  }, [load, props.reloadKey]);

  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.loading && !events.length) return <Progress />;
  return (
    <>
      <List dense aria-label="Problem timeline">
        {events.map(event => (
          <ListItem key={event.id} divider alignItems="flex-start">
            <ListItemText
              primary={event.message}
              secondary={
                <Typography variant="caption" color="textSecondary">
                  {formatDateTime(event.at)} · {event.actor}
                </Typography>
              }
            />
          </ListItem>
        ))}
      </List>
      {next && (
        <Box textAlign="center">
          <Button
            size="small"
            disabled={state.loading}
            onClick={() => load(next)}
          >
            Load more
          </Button>
        </Box>
      )}
    </>
  );
}
