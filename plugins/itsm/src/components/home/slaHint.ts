import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { formatCountdown } from '../common/formatTime';

/** How an open incident stands against its SLA, in a few words. */
export interface SlaHint {
  text: string;
  /** `error`: breached; `warning`: past the warning share; else on track. */
  level: 'error' | 'warning' | 'ok' | 'paused';
  /** When the clock runs out (for sorting and refreshing). */
  dueAt?: string;
}

/**
 * The clock that still runs (response until acknowledged, then resolution)
 * and where it stands: `Response breached 2h overdue`, `Resolution due in 3h`.
 */
export function slaHint(
  incident: Pick<Incident, 'sla'>,
  now: number = Date.now(),
): SlaHint | undefined {
  const { sla } = incident;
  if (!sla) return undefined;
  const [label, target] = sla.response.stoppedAt
    ? ['Resolution', sla.resolution]
    : ['Response', sla.response];
  if (target.stoppedAt) return undefined;
  if (sla.paused || target.state === 'paused') {
    return { text: 'SLA paused (on hold)', level: 'paused' };
  }
  const due = Date.parse(target.dueAt);
  if (target.state === 'breached' || due <= now) {
    return {
      text: `${label} SLA breached, ${formatCountdown(target.dueAt, now)}`,
      level: 'error',
      dueAt: target.dueAt,
    };
  }
  return {
    text: `${label} due ${formatCountdown(target.dueAt, now)}`,
    level: now >= Date.parse(target.warningAt) ? 'warning' : 'ok',
    dueAt: target.dueAt,
  };
}
