import { StatusOK, StatusWarning } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { ChangeGateReason } from '@openitsm/backstage-plugin-itsm-common';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { formatDateTime } from '../common/formatTime';
import { RefLink } from '../common/RefLink';
import { useChangeLink } from './useChangeLink';

/**
 * What the change gate tells a pipeline deploying this service now: open
 * until when and under which change, or blocked and why (the reasons about
 * the service's own changes first; "no approved change" only when alone).
 */
export function DeployGateSummary(props: { entityRef: string }) {
  const api = useApi(itsmApiRef);
  const changeLink = useChangeLink();
  const gate = useAsync(
    () => api.getChangeGate({ entityRef: props.entityRef }),
    [api, props.entityRef],
  );
  if (gate.loading) return null;
  if (gate.error) {
    return (
      <Typography variant="body2" color="error">
        Deploy gate unavailable: {errorMessage(gate.error)}
      </Typography>
    );
  }
  const { allowed, change, until, reasons } = gate.value!;
  if (allowed) {
    return (
      <Typography variant="body2">
        {/* The status icons hide their children from screen readers */}
        <StatusOK />
        Deploy gate: open until {formatDateTime(until)}
        {change && (
          <>
            {' '}
            under <RefLink to={changeLink(change)}>{change.ref}</RefLink>
          </>
        )}
      </Typography>
    );
  }
  const specific = reasons.filter(r => r.code !== 'no_change');
  const shown = (specific.length ? specific : reasons).slice(0, 2);
  return (
    <Typography variant="body2">
      <StatusWarning />
      Deploy gate: blocked: {shown.map(describeReason).join('; ')}
    </Typography>
  );
}

/** A reason with its time in the viewer's zone, not the API's UTC. */
function describeReason(reason: ChangeGateReason): string {
  const when = reason.at && formatDateTime(reason.at);
  switch (reason.code) {
    case 'window_not_open':
      return `${reason.changeRef}'s window opens ${when}`;
    case 'window_closed':
      return `${reason.changeRef}'s window closed ${when}`;
    case 'frozen':
      return `${reason.changeRef} is stopped by freeze '${reason.freeze}' until ${when}`;
    case 'freeze':
      return `freeze '${reason.freeze}' until ${when}`;
    // The API's message names the service by its ref and the time in UTC;
    // this card is the service's own, and asks about now
    case 'no_change':
      return 'no approved change of this service has its window open now';
    default:
      return reason.message;
  }
}
