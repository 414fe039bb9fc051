import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { IncidentStatus } from '@openitsm/backstage-plugin-itsm-common';

/** `in_progress` → `In progress`. */
export function statusText(status: IncidentStatus): string {
  const text = status.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An incident status with Backstage's status icons. */
export function StatusLabel(props: { status: IncidentStatus }) {
  const text = statusText(props.status);
  switch (props.status) {
    case 'new':
      return <StatusError>{text}</StatusError>;
    case 'acknowledged':
      return <StatusWarning>{text}</StatusWarning>;
    case 'in_progress':
      return <StatusRunning>{text}</StatusRunning>;
    case 'on_hold':
      return <StatusPending>{text}</StatusPending>;
    case 'resolved':
    case 'closed':
      return <StatusOK>{text}</StatusOK>;
    default:
      return <StatusAborted>{text}</StatusAborted>;
  }
}
