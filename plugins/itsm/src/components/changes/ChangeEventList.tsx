import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { PersonName } from '../common/PersonName';
import { formatDateTime } from '../common/formatTime';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/** The change's audit trail, oldest first. */
export function ChangeEventList(props: {
  changeId: string;
  reloadKey: number;
}) {
  const api = useApi(itsmApiRef);
  const events = useAsync(
    () => api.getChangeEvents(props.changeId, { limit: 500 }),
    [api, props.changeId, props.reloadKey],
  );
  if (events.loading && !events.value) return <Progress />;
  if (events.error) return <ReadErrorPanel error={events.error} />;
  return (
    <List dense aria-label="Change history">
      {events.value!.items.map(event => (
        <ListItem key={event.id}>
          <ListItemText
            primary={event.message}
            secondary={
              <>
                {formatDateTime(event.at)} ·{' '}
                <PersonName entityRef={event.actor} />
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
