import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  OnCallSchedule,
  whoIsOnCall,
} from '@openitsm/backstage-plugin-itsm-common';
import { formatDateTime } from '../common/formatTime';

/** Who is on call now on each layer of a schedule, computed in the browser. */
export function OnCallNowSummary(props: {
  schedule: OnCallSchedule;
  now: number;
}) {
  let now;
  try {
    now = whoIsOnCall(props.schedule, new Date(props.now).toISOString());
  } catch (e) {
    return (
      <Typography variant="body2" color="error">
        Cannot resolve: {(e as Error).message}
      </Typography>
    );
  }
  return (
    <>
      {now.map(layer => (
        <Typography variant="body2" key={layer.layer}>
          {layer.layer}:{' '}
          {layer.user ? (
            <EntityRefLink entityRef={layer.user} defaultKind="user" />
          ) : (
            'nobody'
          )}
          {layer.until && (
            <Typography
              variant="caption"
              color="textSecondary"
              component="span"
            >
              {' '}
              until {formatDateTime(layer.until)}
            </Typography>
          )}
        </Typography>
      ))}
    </>
  );
}
