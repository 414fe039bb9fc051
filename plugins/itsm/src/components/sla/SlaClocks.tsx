import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import {
  IncidentSla,
  IncidentSlaTarget,
} from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import { formatCountdown, formatDateTime } from '../common/formatTime';

function clockText(target: IncidentSlaTarget, now: number): string {
  switch (target.state) {
    case 'met':
      return `met (due ${formatDateTime(target.dueAt)})`;
    case 'breached':
      return target.stoppedAt
        ? `missed (due ${formatDateTime(target.dueAt)})`
        : `breached: ${formatCountdown(target.dueAt, now)}`;
    case 'paused':
      return 'paused while on hold';
    default:
      return `due ${formatCountdown(target.dueAt, now)} (${formatDateTime(
        target.dueAt,
      )})`;
  }
}

function Clock(props: {
  label: string;
  target: IncidentSlaTarget;
  now: number;
}) {
  const { label, target, now } = props;
  const text = `${label}: ${clockText(target, now)}`;
  const warned =
    target.state === 'running' && now >= Date.parse(target.warningAt);
  let status;
  if (target.state === 'met') status = <StatusOK>{text}</StatusOK>;
  else if (target.state === 'breached')
    status = <StatusError>{text}</StatusError>;
  else if (target.state === 'paused')
    status = <StatusPending>{text}</StatusPending>;
  else if (warned) status = <StatusError>{text} — over 75 % used</StatusError>;
  else status = <StatusRunning>{text}</StatusRunning>;
  return (
    <Box>
      {status}
      <Typography variant="caption" color="textSecondary" component="div">
        Target {target.targetMinutes} min ({target.calendar})
      </Typography>
    </Box>
  );
}

/**
 * The response and resolution clocks, ticking every 30 s. Countdowns are
 * wall-clock time to the due time, which already accounts for business
 * hours and holds.
 */
export function SlaClocks(props: { sla?: IncidentSla }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!props.sla) {
    return (
      <Typography variant="body2" color="textSecondary">
        No SLA applies.
      </Typography>
    );
  }
  return (
    <Box
      display="flex"
      flexDirection="column"
      gridGap={8}
      aria-label="SLA clocks"
    >
      <Typography variant="caption" color="textSecondary">
        Policy: {props.sla.policy}
      </Typography>
      <Clock label="Response" target={props.sla.response} now={now} />
      <Clock label="Resolution" target={props.sla.resolution} now={now} />
    </Box>
  );
}
