import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { IncidentStatus } from '@openitsm/backstage-plugin-itsm-common';
import { StatusIcons, StatusLabel } from './StatusLabel';

const icons: StatusIcons<IncidentStatus> = {
  new: StatusError,
  acknowledged: StatusWarning,
  in_progress: StatusRunning,
  on_hold: StatusPending,
  resolved: StatusOK,
  closed: StatusOK,
  cancelled: StatusAborted,
};

/** An incident status with Backstage's status icons. */
export function IncidentStatusLabel(props: { status: IncidentStatus }) {
  return <StatusLabel status={props.status} icons={icons} />;
}
