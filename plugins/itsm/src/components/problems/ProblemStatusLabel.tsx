import {
  StatusAborted,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { ProblemStatus } from '@openitsm/backstage-plugin-itsm-common';
import { StatusIcons, StatusLabel } from '../common/StatusLabel';

const icons: StatusIcons<ProblemStatus> = {
  new: StatusPending,
  investigating: StatusRunning,
  known_error: StatusWarning,
  fix_in_progress: StatusRunning,
  resolved: StatusOK,
  closed: StatusAborted,
};

/** A problem status with Backstage's status icons. */
export function ProblemStatusLabel(props: { status: ProblemStatus }) {
  return <StatusLabel status={props.status} icons={icons} />;
}
