import { z } from 'zod';
import { ReceivedAlert, ReceivedNotification } from './ReceivedAlert';
import {
  addLink,
  clip,
  optionalUrl,
  parsePayload,
  stringMap,
} from './parsePayload';

/** At most this many alerts in one notification. */
export const MAX_ALERTS_PER_NOTIFICATION = 1000;

/** One alert of an Alertmanager (or Grafana) webhook notification. */
export const alertmanagerAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: stringMap,
  annotations: stringMap.optional(),
  startsAt: z.string().max(64).optional(),
  endsAt: z.string().max(64).optional(),
  generatorURL: optionalUrl,
  fingerprint: z.string().min(1).max(255),
});

/**
 * Alertmanager's webhook_config body, version 4: the group's alerts and the
 * labels and annotations they share.
 */
export const alertmanagerWebhook = z.object({
  version: z.literal('4'),
  groupKey: z.string().min(1).max(8192),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(1024),
  groupLabels: stringMap.optional(),
  commonLabels: stringMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: optionalUrl,
  alerts: z.array(alertmanagerAlert).min(1).max(MAX_ALERTS_PER_NOTIFICATION),
});

type AlertmanagerAlert = z.infer<typeof alertmanagerAlert>;

/** An Alertmanager-shaped alert in the common shape. */
export function fromAlertmanagerAlert(alert: AlertmanagerAlert): ReceivedAlert {
  const annotations = alert.annotations ?? {};
  const links: ReceivedAlert['links'] = {};
  addLink(
    links,
    'runbook',
    annotations.runbook_url ?? annotations.runbook,
    'Runbook',
  );
  addLink(links, 'generator', alert.generatorURL, 'Source');
  return {
    dedupKey: alert.fingerprint,
    status: alert.status,
    title: clip(
      annotations.summary ||
        annotations.title ||
        alert.labels.alertname ||
        `Alert ${alert.fingerprint}`,
      400,
    ),
    description: clip(
      annotations.description ?? annotations.message ?? '',
      20000,
    ),
    severity: alert.labels.severity,
    labels: alert.labels,
    annotations,
    links,
  };
}

/** Parses an Alertmanager notification; a 400 naming the field otherwise. */
export function parseAlertmanager(body: unknown): ReceivedNotification {
  const payload = parsePayload(
    'Alertmanager webhook (version 4)',
    alertmanagerWebhook,
    body,
  );
  return {
    source: 'alertmanager',
    groupKey: payload.groupKey,
    alerts: payload.alerts.map(fromAlertmanagerAlert),
  };
}
