import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import {
  ChangeOutcome,
  ChangeStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { StatusIcons, StatusLabel } from '../common/StatusLabel';

const statusIcons: StatusIcons<ChangeStatus> = {
  new: StatusPending,
  assess: StatusPending,
  authorize: StatusWarning,
  scheduled: StatusRunning,
  implement: StatusRunning,
  review: StatusRunning,
  closed: StatusOK,
  cancelled: StatusAborted,
};

const outcomeIcons: StatusIcons<ChangeOutcome> = {
  successful: StatusOK,
  failed: StatusError,
  rolled_back: StatusError,
};

/** A change status with Backstage's status icons. */
export function ChangeStatusLabel(props: { status: ChangeStatus }) {
  return <StatusLabel status={props.status} icons={statusIcons} />;
}

/** How a closed change ended. */
export function OutcomeLabel(props: { outcome?: ChangeOutcome }) {
  if (!props.outcome) return null;
  return <StatusLabel status={props.outcome} icons={outcomeIcons} />;
}
