import { Level } from '../priority/PriorityMatrix';

/**
 * Impact and urgency an alert severity stands for.
 * @public
 */
export interface AlertSeverityLevels {
  impact: Level;
  urgency: Level;
}

/**
 * Severity names of Alertmanager conventions, PagerDuty (critical, error,
 * warning, info) and Grafana, to impact × urgency: critical is P1 under the
 * default matrix, error P2, warning P3, info P5.
 * @public
 */
export const DEFAULT_ALERT_SEVERITY_MAP: Readonly<
  Record<string, AlertSeverityLevels>
> = {
  critical: { impact: 'high', urgency: 'high' },
  page: { impact: 'high', urgency: 'high' },
  error: { impact: 'high', urgency: 'medium' },
  major: { impact: 'high', urgency: 'medium' },
  high: { impact: 'high', urgency: 'medium' },
  warning: { impact: 'medium', urgency: 'medium' },
  minor: { impact: 'medium', urgency: 'low' },
  info: { impact: 'low', urgency: 'low' },
  low: { impact: 'low', urgency: 'low' },
  none: { impact: 'low', urgency: 'low' },
};

/** What an unknown or missing severity maps to. @public */
export const DEFAULT_ALERT_LEVELS: AlertSeverityLevels = {
  impact: 'medium',
  urgency: 'medium',
};

/**
 * The levels of a severity, case-insensitively, in the configured map over
 * the defaults; unknown or missing severities get the fallback.
 * @public
 */
export function alertSeverityLevels(
  severity: string | undefined,
  map: Readonly<
    Record<string, AlertSeverityLevels>
  > = DEFAULT_ALERT_SEVERITY_MAP,
  fallback: AlertSeverityLevels = DEFAULT_ALERT_LEVELS,
): AlertSeverityLevels {
  const key = severity?.trim().toLocaleLowerCase('en-US');
  return (key && map[key]) || fallback;
}
