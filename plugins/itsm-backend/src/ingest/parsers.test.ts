import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAlertmanager } from './alertmanager';
import { parseGeneric } from './generic';
import { parseGrafana } from './grafana';
import { parsePagerDuty } from './pagerduty';

/** The sample payloads of examples/alerts, shaped like each tool's documented example. */
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(
      resolve(__dirname, '../../../../examples/alerts', name),
      'utf8',
    ),
  );

describe('Alertmanager webhook (version 4)', () => {
  it('reads the grouped alerts of a notification', () => {
    const n = parseAlertmanager(fixture('alertmanager-firing.json'));
    expect(n.source).toBe('alertmanager');
    expect(n.groupKey).toBe(
      '{}/{severity="critical"}:{alertname="HighErrorRate"}',
    );
    expect(n.alerts).toHaveLength(2);
    expect(n.alerts[0]).toMatchObject({
      dedupKey: '1a30ba71cca2921f',
      status: 'firing',
      title: 'payments-api 5xx ratio above 5% for 5 minutes',
      severity: 'critical',
      labels: { service: 'payments-api', job: 'payments-api' },
      links: {
        runbook: {
          href: 'https://runbooks.example.org/payments-api/high-error-rate',
        },
        generator: { text: 'Source' },
      },
    });
    expect(n.alerts[0].description).toContain('12.4% 5xx');
  });

  it('reads resolved alerts', () => {
    const n = parseAlertmanager(fixture('alertmanager-resolved.json'));
    expect(n.alerts.map(a => a.status)).toEqual(['resolved', 'resolved']);
  });

  it('names the field that does not fit', () => {
    const body = fixture('alertmanager-firing.json');
    delete body.alerts[1].fingerprint;
    expect(() => parseAlertmanager(body)).toThrow(
      /^alerts\[1\]\.fingerprint: /,
    );
    expect(() =>
      parseAlertmanager({
        ...fixture('alertmanager-firing.json'),
        version: '3',
      }),
    ).toThrow(/^version: /);
    expect(() =>
      parseAlertmanager({ ...fixture('alertmanager-firing.json'), alerts: [] }),
    ).toThrow(/^alerts: /);
    expect(() => parseAlertmanager([])).toThrow(/^body: /);
    const labels = fixture('alertmanager-firing.json');
    labels.alerts[0].labels.severity = 3;
    expect(() => parseAlertmanager(labels)).toThrow(
      /^alerts\[0\]\.labels\.severity: /,
    );
  });

  it('falls back to the alert name for the title', () => {
    const body = fixture('alertmanager-selector.json');
    delete body.alerts[0].annotations;
    const [alert] = parseAlertmanager(body).alerts;
    expect(alert.title).toBe('LedgerWriteLatencyHigh');
    expect(alert.description).toBe('');
  });
});

describe('PagerDuty Events API v2', () => {
  it('reads a trigger', () => {
    const n = parsePagerDuty(fixture('pagerduty-trigger.json'));
    expect(n.source).toBe('pagerduty');
    expect(n.groupKey).toBeUndefined();
    expect(n.alerts).toEqual([
      expect.objectContaining({
        dedupKey: 'fraud-check/queue-backlog',
        status: 'firing',
        acknowledge: false,
        title: 'fraud-check: scoring queue backlog above 10,000 messages',
        severity: 'error',
        labels: {
          source: 'fraud-check-worker-2.prod.example.org',
          severity: 'error',
          component: 'fraud-check',
          group: 'prod-payments',
          class: 'queue backlog',
        },
        annotations: {
          queue: 'fraud-scoring',
          backlog: '12840',
          consumers: '2',
        },
      }),
    ]);
    expect(n.alerts[0].links).toMatchObject({
      runbook: {
        href: 'https://runbooks.example.org/fraud-check/queue-backlog',
      },
      image1: { href: 'https://grafana.example.org/d/fraud' },
      generator: {
        href: 'http://prometheus.example.org:9090/alerts',
        text: 'Prometheus',
      },
    });
  });

  it('reads acknowledge and resolve, which need only the dedup_key', () => {
    const resolved = parsePagerDuty(fixture('pagerduty-resolve.json'));
    expect(resolved.alerts[0]).toMatchObject({
      dedupKey: 'fraud-check/queue-backlog',
      status: 'resolved',
    });
    const ack = parsePagerDuty({
      ...fixture('pagerduty-resolve.json'),
      event_action: 'acknowledge',
    });
    expect(ack.alerts[0]).toMatchObject({
      status: 'firing',
      acknowledge: true,
    });
  });

  it('derives a stable dedup_key for a trigger without one', () => {
    const body = fixture('pagerduty-trigger.json');
    delete body.dedup_key;
    const a = parsePagerDuty(body).alerts[0].dedupKey;
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(parsePagerDuty(body).alerts[0].dedupKey).toBe(a);
  });

  it('names the field that does not fit', () => {
    const body = fixture('pagerduty-trigger.json');
    body.payload.severity = 'fatal';
    expect(() => parsePagerDuty(body)).toThrow(/^payload\.severity: /);
    expect(() => parsePagerDuty({ event_action: 'resolve' })).toThrow(
      /^dedup_key: is required when event_action is "resolve"/,
    );
    expect(() => parsePagerDuty({ event_action: 'trigger' })).toThrow(
      /^payload: is required/,
    );
    expect(() => parsePagerDuty({ ...body, event_action: 'page' })).toThrow(
      /^event_action: /,
    );
  });
});

describe('Grafana alerting webhook', () => {
  it('reads the alerts with their Grafana links', () => {
    const n = parseGrafana(fixture('grafana-firing.json'));
    expect(n.source).toBe('grafana');
    expect(n.groupKey).toBe('{}:{alertname="Checkout p95 latency"}');
    expect(n.alerts[0]).toMatchObject({
      dedupKey: 'c6eadffa33fcdf37',
      title: 'Checkout p95 latency 2.7 s in eu-1',
      labels: { app: 'checkout-web' },
      links: {
        runbook: { href: 'https://runbooks.example.org/checkout-web/latency' },
        generator: {
          href: 'https://grafana.example.org/alerting/1afz29v7z/edit',
        },
        dashboard: { href: 'https://grafana.example.org/d/checkout' },
        panel: { href: 'https://grafana.example.org/d/checkout?viewPanel=2' },
        silence: { text: 'Silence' },
      },
    });
  });

  it("ignores Grafana's empty URLs and names bad fields", () => {
    const body = fixture('grafana-firing.json');
    body.alerts[0].dashboardURL = '';
    expect(parseGrafana(body).alerts[0].links.dashboard).toBeUndefined();
    delete body.groupKey;
    expect(() => parseGrafana(body)).toThrow(/^groupKey: /);
  });
});

describe('generic alert', () => {
  it('reads the documented shape', () => {
    const n = parseGeneric(fixture('generic-firing.json'));
    expect(n).toEqual({
      source: 'generic',
      alerts: [
        {
          dedupKey: 'billing-worker/invoice-run-failed',
          status: 'firing',
          title: 'Nightly invoice run failed',
          description: expect.stringContaining('exited with code 3'),
          severity: 'error',
          service: 'billing-worker',
          labels: { job: 'invoice-run', env: 'prod' },
          annotations: {},
          links: {
            runbook: {
              href: 'https://runbooks.example.org/billing-worker/invoice-run',
              text: 'Runbook',
            },
            link2: {
              href: 'https://ci.example.org/jobs/invoice-run/8812',
              text: 'Job log',
            },
          },
        },
      ],
    });
  });

  it('names the field that does not fit', () => {
    const body = fixture('generic-unmapped.json');
    expect(() => parseGeneric({ ...body, status: 'open' })).toThrow(
      /^status: /,
    );
    expect(() => parseGeneric({ ...body, title: '  ' })).toThrow(/^title: /);
    expect(() => parseGeneric({ ...body, dedupKey: 'x'.repeat(256) })).toThrow(
      /^dedupKey: /,
    );
    expect(() =>
      parseGeneric({ ...body, links: [{ href: 'not a url' }] }),
    ).toThrow(/^links\[0\]\.href: /);
  });
});
