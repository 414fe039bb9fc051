import {
  AlertLink,
  AlertSource,
  AlertStatus,
} from '@openitsm/backstage-plugin-itsm-common';

/** One alert of a payload, in the same shape whatever tool sent it. */
export interface ReceivedAlert {
  /** Fingerprint, dedup_key or dedupKey: what repeats share. */
  dedupKey: string;
  status: AlertStatus;
  /** PagerDuty's `acknowledge` event: acknowledges a `new` incident. */
  acknowledge?: boolean;
  title: string;
  description: string;
  severity?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** runbook, generator, dashboard, panel, silence, … */
  links: Record<string, AlertLink>;
  /** A service the payload names itself (the generic `service`). */
  service?: string;
}

/**
 * One notification: its alerts, and the group they were sent in.
 * Alerts of one group that route to one service become one incident.
 */
export interface ReceivedNotification {
  source: AlertSource;
  /** Alertmanager's and Grafana's groupKey; else each alert is its own group. */
  groupKey?: string;
  alerts: ReceivedAlert[];
}
