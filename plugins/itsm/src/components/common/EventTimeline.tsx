import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Page } from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { PersonName } from './PersonName';
import { formatDateTime } from './formatTime';
import { ReadErrorPanel } from './ReadErrorPanel';

/** What every audit trail event shows. */
export interface TimelineEntry {
  id: string;
  message: string;
  at: string;
  actor: string;
}

/**
 * An append-only audit trail, oldest first, loaded page by page. `loadPage`
 * must be stable (useCallback): a new one starts over from the first page.
 */
export function EventTimeline(props: {
  label: string;
  loadPage: (cursor?: string) => Promise<Page<TimelineEntry>>;
  reloadKey: number;
}) {
  const { loadPage } = props;
  const [events, setEvents] = useState<TimelineEntry[]>([]);
  const [next, setNext] = useState<string>();
  const [state, load] = useAsyncFn(
    async (cursor?: string) => {
      const page = await loadPage(cursor);
      setEvents(previous =>
        cursor ? [...previous, ...page.items] : page.items,
      );
      setNext(page.nextCursor);
    },
    [loadPage],
  );
  useEffect(() => {
    load();
  }, [load, props.reloadKey]);

  if (state.error) return <ReadErrorPanel error={state.error} />;
  if (state.loading && !events.length) return <Progress />;
  return (
    <>
      <List dense aria-label={props.label}>
        {events.map(event => (
          <ListItem key={event.id} divider alignItems="flex-start">
            <ListItemText
              primary={event.message}
              secondary={
                <Typography variant="caption" color="textSecondary">
                  {formatDateTime(event.at)} ·{' '}
                  <PersonName entityRef={event.actor} />
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
