import { z } from 'zod';
import { ReceivedNotification } from './ReceivedAlert';
import { addLink, parsePayload, stringMap } from './parsePayload';

/**
 * The generic alert: for scripts and tools without a built-in route.
 *
 * ```json
 * { "dedupKey": "billing-worker/invoice-run-failed", "status": "firing",
 *   "title": "Nightly invoice run failed", "service": "billing-worker",
 *   "severity": "error", "description": "…", "labels": { "env": "prod" },
 *   "links": [{ "href": "https://…", "text": "Runbook" }] }
 * ```
 */
export const genericAlert = z.object({
  dedupKey: z.string().min(1).max(255),
  status: z.enum(['firing', 'resolved']),
  title: z.string().trim().min(1).max(400),
  service: z.string().min(1).max(255).optional(),
  severity: z.string().max(32).optional(),
  description: z.string().max(20000).optional(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  links: z
    .array(
      z.object({
        href: z.string().url().max(2048),
        text: z.string().max(1024).optional(),
      }),
    )
    .max(50)
    .optional(),
});

/** Parses a generic alert; a 400 naming the field otherwise. */
export function parseGeneric(body: unknown): ReceivedNotification {
  const alert = parsePayload('generic alert', genericAlert, body);
  const links: Record<string, { href: string; text?: string }> = {};
  (alert.links ?? []).forEach((l, i) => {
    const name = /runbook/i.test(l.text ?? '') ? 'runbook' : `link${i + 1}`;
    addLink(links, name, l.href, l.text);
  });
  return {
    source: 'generic',
    alerts: [
      {
        dedupKey: alert.dedupKey,
        status: alert.status,
        title: alert.title,
        description: alert.description ?? '',
        severity: alert.severity,
        labels: alert.labels ?? {},
        annotations: alert.annotations ?? {},
        links,
        service: alert.service,
      },
    ],
  };
}
