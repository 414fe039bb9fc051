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

/** `rolled_back` → `Rolled back`. */
export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A change status with Backstage's status icons. */
export function ChangeStatusLabel(props: { status: ChangeStatus }) {
  const text = humanize(props.status);
  switch (props.status) {
    case 'new':
    case 'assess':
      return <StatusPending>{text}</StatusPending>;
    case 'authorize':
      return <StatusWarning>{text}</StatusWarning>;
    case 'scheduled':
    case 'implement':
    case 'review':
      return <StatusRunning>{text}</StatusRunning>;
    case 'closed':
      return <StatusOK>{text}</StatusOK>;
    default:
      return <StatusAborted>{text}</StatusAborted>;
  }
}

/** How a closed change ended. */
export function OutcomeLabel(props: { outcome?: ChangeOutcome }) {
  if (!props.outcome) return null;
  const text = humanize(props.outcome);
  return props.outcome === 'successful' ? (
    <StatusOK>{text}</StatusOK>
  ) : (
    <StatusError>{text}</StatusError>
  );
}
