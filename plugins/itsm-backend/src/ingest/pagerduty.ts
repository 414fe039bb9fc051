import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ReceivedAlert, ReceivedNotification } from './ReceivedAlert';
import { addLink, clip, parsePayload } from './parsePayload';

const link = z.object({
  href: z.string().max(2048),
  text: z.string().max(1024).optional(),
});

/** The `payload` of a PagerDuty Events API v2 trigger. */
const eventPayload = z.object({
  summary: z.string().min(1).max(1024),
  source: z.string().min(1).max(255),
  severity: z.enum(['critical', 'error', 'warning', 'info']),
  timestamp: z.string().max(64).optional(),
  component: z.string().max(255).optional(),
  group: z.string().max(255).optional(),
  class: z.string().max(255).optional(),
  custom_details: z.unknown().optional(),
});

/** A PagerDuty Events API v2 event (`POST /v2/enqueue`). */
export const pagerDutyEvent = z
  .object({
    routing_key: z.string().max(64).optional(),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
    dedup_key: z.string().min(1).max(255).optional(),
    payload: eventPayload.optional(),
    images: z
      .array(
        z.object({
          src: z.string().max(2048),
          href: z.string().max(2048).optional(),
          alt: z.string().max(1024).optional(),
        }),
      )
      .max(50)
      .optional(),
    links: z.array(link).max(50).optional(),
    client: z.string().max(255).optional(),
    client_url: z.string().max(2048).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === 'trigger' && !event.payload) {
      ctx.addIssue({
        code: 'custom',
        path: ['payload'],
        message: 'is required when event_action is "trigger"',
      });
    }
    if (event.event_action !== 'trigger' && !event.dedup_key) {
      ctx.addIssue({
        code: 'custom',
        path: ['dedup_key'],
        message: `is required when event_action is "${event.event_action}"`,
      });
    }
  });

/** custom_details flattened to strings, for display beside the alert. */
function details(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { details: clip(String(JSON.stringify(value)), 8192) };
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value).slice(0, 100)) {
    out[clip(k, 256)] = clip(
      typeof v === 'string' ? v : JSON.stringify(v),
      8192,
    );
  }
  return out;
}

/**
 * Parses a PagerDuty event. A trigger without dedup_key gets one derived
 * from its summary, source and component, so a replay is still a repeat
 * (PagerDuty itself would mint a random one).
 */
export function parsePagerDuty(body: unknown): ReceivedNotification {
  const event = parsePayload('PagerDuty Events API v2', pagerDutyEvent, body);
  const p = event.payload;
  const dedupKey =
    event.dedup_key ??
    createHash('sha256')
      .update(JSON.stringify([p!.summary, p!.source, p!.component ?? '']))
      .digest('hex')
      .slice(0, 32);
  const labels: Record<string, string> = {};
  if (p) {
    labels.source = p.source;
    labels.severity = p.severity;
    if (p.component) labels.component = p.component;
    if (p.group) labels.group = p.group;
    if (p.class) labels.class = p.class;
  }
  const links: ReceivedAlert['links'] = {};
  (event.links ?? []).forEach((l, i) => {
    const name = /runbook/i.test(l.text ?? '') ? 'runbook' : `link${i + 1}`;
    addLink(links, name, l.href, l.text);
  });
  (event.images ?? []).forEach((image, i) =>
    addLink(links, `image${i + 1}`, image.href ?? image.src, image.alt),
  );
  addLink(links, 'generator', event.client_url, event.client ?? 'Source');
  const alert: ReceivedAlert = {
    dedupKey,
    status: event.event_action === 'resolve' ? 'resolved' : 'firing',
    acknowledge: event.event_action === 'acknowledge',
    title: clip(p?.summary ?? `PagerDuty event ${dedupKey}`, 400),
    description: '',
    severity: p?.severity,
    labels,
    annotations: details(p?.custom_details),
    links,
  };
  return { source: 'pagerduty', alerts: [alert] };
}
