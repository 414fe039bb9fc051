import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ServiceState } from '@openitsm/backstage-plugin-itsm-common';
import { StatusIcons, StatusLabel } from '../common/StatusLabel';

const ICONS: StatusIcons<ServiceState> = {
  major_outage: StatusError,
  incident: StatusWarning,
  degraded: StatusPending,
  operational: StatusOK,
};

/** Words for a service state, as the status page says them. */
export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  major_outage: 'Major outage',
  incident: 'Incident',
  degraded: 'Possibly degraded',
  operational: 'Operating normally',
};

/** A service's state with its icon. */
export function ServiceStateLabel(props: { state: ServiceState }) {
  const Icon = ICONS[props.state];
  return props.state in SERVICE_STATE_LABELS ? (
    <Icon>{SERVICE_STATE_LABELS[props.state]}</Icon>
  ) : (
    <StatusLabel status={props.state} icons={ICONS} />
  );
}
