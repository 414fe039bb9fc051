import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { ProblemStatus } from '@openitsm/backstage-plugin-itsm-common';

/** `known_error` → `Known error`. */
export function problemStatusText(status: ProblemStatus): string {
  const text = status.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A problem status with Backstage's status icons. */
export function ProblemStatusLabel(props: { status: ProblemStatus }) {
  const text = problemStatusText(props.status);
  switch (props.status) {
    case 'new':
      return <StatusPending>{text}</StatusPending>;
    case 'investigating':
      return <StatusRunning>{text}</StatusRunning>;
    case 'known_error':
      return <StatusWarning>{text}</StatusWarning>;
    case 'fix_in_progress':
      return <StatusRunning>{text}</StatusRunning>;
    case 'resolved':
      return <StatusOK>{text}</StatusOK>;
    case 'closed':
      return <StatusAborted>{text}</StatusAborted>;
    default:
      return <StatusError>{text}</StatusError>;
  }
}
