import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';

/** Which of an incident's targets are missed, in words. */
export function missedTargets(incident: Pick<Incident, 'sla'>): string {
  const missed = [
    incident.sla?.response.state === 'breached' ? 'response' : undefined,
    incident.sla?.resolution.state === 'breached' ? 'resolution' : undefined,
  ].filter(Boolean);
  return missed.length ? `${missed.join(' and ')} target missed` : '';
}

/** Recent incidents of the service that missed a target. */
export function SlaBreachList(props: {
  incidents: Incident[];
  incidentLink: (incident: Incident) => string;
}) {
  if (!props.incidents.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No incident of this service missed its SLA recently.
      </Typography>
    );
  }
  return (
    <List dense aria-label="SLA breaches">
      {props.incidents.map(incident => (
        <ListItem key={incident.id} disableGutters>
          <ListItemText
            primary={
              <>
                <Link to={props.incidentLink(incident)}>{incident.ref}</Link>{' '}
                {incident.priority} · {incident.title}
              </>
            }
            secondary={missedTargets(incident)}
          />
        </ListItem>
      ))}
    </List>
  );
}
