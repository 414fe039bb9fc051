import { z } from 'zod';
import {
  alertmanagerAlert,
  fromAlertmanagerAlert,
  MAX_ALERTS_PER_NOTIFICATION,
} from './alertmanager';
import { ReceivedNotification } from './ReceivedAlert';
import { addLink, optionalUrl, parsePayload, stringMap } from './parsePayload';

/** One alert of a Grafana webhook: Alertmanager's, plus Grafana's URLs. */
const grafanaAlert = alertmanagerAlert.extend({
  silenceURL: optionalUrl,
  dashboardURL: optionalUrl,
  panelURL: optionalUrl,
  imageURL: optionalUrl,
  values: z.record(z.string(), z.unknown()).nullable().optional(),
  valueString: z.string().max(8192).optional(),
});

/** The body of Grafana alerting's webhook contact point. */
export const grafanaWebhook = z.object({
  receiver: z.string().max(1024),
  status: z.enum(['firing', 'resolved']),
  orgId: z.number().int().optional(),
  alerts: z.array(grafanaAlert).min(1).max(MAX_ALERTS_PER_NOTIFICATION),
  groupLabels: stringMap.optional(),
  commonLabels: stringMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: optionalUrl,
  version: z.string().max(16),
  groupKey: z.string().min(1).max(8192),
  truncatedAlerts: z.number().int().min(0).optional(),
  title: z.string().max(4096).optional(),
  state: z.string().max(64).optional(),
  message: z.string().max(65536).optional(),
});

/** Parses a Grafana notification; a 400 naming the field otherwise. */
export function parseGrafana(body: unknown): ReceivedNotification {
  const payload = parsePayload('Grafana webhook', grafanaWebhook, body);
  return {
    source: 'grafana',
    groupKey: payload.groupKey,
    alerts: payload.alerts.map(alert => {
      const received = fromAlertmanagerAlert(alert);
      addLink(received.links, 'dashboard', alert.dashboardURL, 'Dashboard');
      addLink(received.links, 'panel', alert.panelURL, 'Panel');
      addLink(received.links, 'silence', alert.silenceURL, 'Silence');
      if (alert.valueString) {
        received.annotations = {
          ...received.annotations,
          valueString: alert.valueString,
        };
      }
      return received;
    }),
  };
}
