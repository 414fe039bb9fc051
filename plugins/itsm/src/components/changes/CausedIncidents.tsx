import { RefLink } from '../common/RefLink';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ChangeDetails } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useIncidentLink } from '../common/useIncidentLink';
import { IncidentStatusLabel } from '../common/IncidentStatusLabel';

/** The incidents this change caused; link one by its ref, or unlink. */
export function CausedIncidents(props: {
  change: ChangeDetails;
  busy: boolean;
  onLink: (incidentRef: string) => Promise<boolean>;
  onUnlink: (incidentId: string) => Promise<boolean>;
  /** Without link and unlink, for a user who may not update the change. */
  readOnly?: boolean;
}) {
  const incidentLink = useIncidentLink();
  const [ref, setRef] = useState('');
  const incidents = props.change.causedIncidents;
  return (
    <>
      {incidents.length ? (
        <List dense aria-label="Caused incidents">
          {incidents.map(incident => (
            <ListItem key={incident.id}>
              <ListItemText
                primary={
                  <>
                    <RefLink to={incidentLink(incident)}>
                      {incident.ref}
                    </RefLink>{' '}
                    {incident.title} ({incident.priority})
                  </>
                }
                secondary={<IncidentStatusLabel status={incident.status} />}
              />
              {!props.readOnly && (
                <ListItemSecondaryAction>
                  <Button
                    size="small"
                    disabled={props.busy}
                    onClick={() => props.onUnlink(incident.id)}
                  >
                    Unlink
                  </Button>
                </ListItemSecondaryAction>
              )}
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No incident is linked as caused by this change.
        </Typography>
      )}
      {!props.readOnly && (
        <Box display="flex" gridGap={8} mt={1}>
          <TextField
            id="itsm-caused-incident"
            label="Incident ref"
            placeholder="INC-1042"
            size="small"
            value={ref}
            onChange={e => setRef(e.target.value)}
          />
          <Button
            variant="outlined"
            disabled={props.busy || !ref.trim()}
            onClick={async () => {
              if (await props.onLink(ref.trim())) setRef('');
            }}
          >
            Link as caused by this change
          </Button>
        </Box>
      )}
    </>
  );
}
