#!/usr/bin/env node
/*
 * Alert ingestion benchmark (DESIGN.md § Budgets: ≥ 1,000 alerts/s on one
 * backend, zero duplicate incidents). Starts packages/backend on the local
 * PostgreSQL (fresh databases, prefix itsm_ingest_bench_), then posts
 * Alertmanager notifications with autocannon: a mix of new alerts (new
 * fingerprints, in 50 alert groups over the example services, so some open
 * incidents and most join one) and repeats of alerts already sent. Prints
 * alerts/s, request latency percentiles, and duplicate incidents: incidents
 * beyond one per (alert group, service) that was sent.
 *
 *   flock /tmp/itsm-portal.lock node bench/ingest.js \
 *     [--duration 20] [--connections 16] [--alerts 5] [--new 0.2]
 *   node bench/ingest.js --port 7117     # off the demo's port: no lock needed
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const path = require('node:path');
const autocannon = require('autocannon');
const knexFactory = require('knex');

const root = path.resolve(__dirname, '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const duration = Number(args.duration ?? 20);
const connections = Number(args.connections ?? 16);
const alertsPerRequest = Number(args.alerts ?? 5);
const newShare = Number(args.new ?? 0.2);
const pg = args.connection ?? 'postgresql://postgres@127.0.0.1:5432';
const database = 'itsm_ingest_bench_itsm';
const port = Number(args.port ?? 7007);
const base = `http://localhost:${port}`;
const token = crypto.randomBytes(24).toString('hex');
const SERVICES = [
  'payments-api', 'ledger', 'fraud-check', 'billing-worker',
  'checkout-web', 'cart-service', 'catalog-search', 'pricing',
];
const GROUPS = 50;

async function waitFor(url, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)] * 10) / 10;
}

/** Alert n: its service and group follow from n, so a repeat is identical. */
function alert(n) {
  const service = SERVICES[n % SERVICES.length];
  const group = Math.floor(n / SERVICES.length) % GROUPS;
  return {
    group,
    service,
    body: {
      status: 'firing',
      labels: { alertname: `BenchAlert${group}`, service, instance: `pod-${n}` },
      annotations: { summary: `Bench alert ${group} on ${service}` },
      startsAt: new Date().toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example.org:9090/graph',
      fingerprint: `bench-${n}`,
    },
  };
}

async function main() {
  const admin = knexFactory({ client: 'pg', connection: `${pg}/postgres` });
  const { rows } = await admin.raw(
    "SELECT datname FROM pg_database WHERE datname LIKE 'itsm_ingest_bench_%'",
  );
  for (const { datname } of rows) {
    await admin.raw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.destroy();

  const portConfig = path.join(require('node:os').tmpdir(), `itsm-ingest-bench-${port}.yaml`);
  require('node:fs').writeFileSync(
    portConfig,
    `backend:\n  baseUrl: ${base}\n  listen:\n    port: ${port}\n`,
  );
  const configs = [
    path.join(root, 'app-config.yaml'),
    path.join(__dirname, 'app-config.bench.yaml'),
    path.join(__dirname, 'app-config.ingest.yaml'),
    portConfig,
  ].flatMap(c => ['--config', c]);
  const backend = spawn('npx', ['backstage-cli', 'package', 'start', ...configs], {
    cwd: path.join(root, 'packages/backend'),
    env: {
      ...process.env,
      ITSM_BENCH_TOKEN: token,
      // --profile DIR: a CPU profile of the backend, written when it stops
      ...(args.profile
        ? {
            NODE_OPTIONS: `--require ${path.join(__dirname, 'cpu-profile.js')}`,
            ITSM_CPU_PROFILE_DIR: path.resolve(args.profile),
          }
        : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);

  try {
    console.error('Starting the demo backend on PostgreSQL…');
    await waitFor(`${base}/api/itsm/health`, 180_000, 'the backend');
    for (const s of SERVICES) {
      await waitFor(`${base}/api/catalog/entities/by-name/component/default/${s}`, 120_000, `the catalog to ingest ${s}`);
    }
    // Pre-send a pool of alerts so that repeats have something to repeat
    let next = 0;
    const post = alerts =>
      JSON.stringify({
        version: '4',
        groupKey: `{}:{alertname="BenchAlert${alerts[0].group}"}`,
        status: 'firing',
        receiver: 'itsm-bench',
        alerts: alerts.map(a => a.body),
      });
    const POOL = 400;
    for (let i = 0; i < POOL; i += alertsPerRequest) {
      // One notification = one group: alerts n, n+8×50, … share group and service
      const batch = [];
      const first = next++;
      batch.push(alert(first));
      for (let k = 1; k < alertsPerRequest; k++) batch.push(alert(first + k * SERVICES.length * GROUPS));
      const res = await fetch(`${base}/api/itsm/ingest/alertmanager`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: post(batch),
      });
      if (res.status !== 202) throw new Error(`warm-up: ${res.status} ${await res.text()}`);
    }
    const known = next;
    let newAlerts = 0;
    let repeatAlerts = 0;
    const latencies = [];
    console.error(
      `Posting for ${duration}s: ${connections} connections, ${alertsPerRequest} alerts per notification, ${Math.round(newShare * 100)}% new…`,
    );
    const result = await new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${base}/api/itsm/ingest/alertmanager`,
          method: 'POST',
          duration,
          connections,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: req => {
                const isNew = Math.random() < newShare;
                const first = isNew ? next++ : Math.floor(Math.random() * known);
                const batch = [alert(first)];
                for (let k = 1; k < alertsPerRequest; k++) {
                  batch.push(alert(first + k * SERVICES.length * GROUPS));
                }
                if (isNew) {
                  newAlerts += batch.length;
                            } else {
                  repeatAlerts += batch.length;
                }
                return { ...req, body: post(batch) };
              },
            },
          ],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      instance.on('response', (_c, _s, _b, responseTime) => latencies.push(responseTime));
    });
    latencies.sort((a, b) => a - b);
    // Requests cut off when the run ended are still being processed
    await new Promise(r => setTimeout(r, 3000));

    const db = knexFactory({ client: 'pg', connection: `${pg}/${database}` });
    const [{ n: incidents }] = await db('itsm_incidents').where({ source: 'alertmanager' }).count({ n: '*' });
    const [{ n: alertRows }] = await db('itsm_alerts').count({ n: '*' });
    const [{ s: received }] = await db('itsm_alerts').sum({ s: 'received_count' });
    // More than one incident for one alert group on one service is a duplicate
    const { rows: [dup] } = await db.raw(`
      SELECT coalesce(sum(c - 1), 0) AS duplicates, count(*) AS pairs FROM (
        SELECT labels_json::json->>'alertname', entity_ref, count(DISTINCT incident_id) AS c
        FROM itsm_alerts GROUP BY 1, 2) t`);
    const [{ n: linked }] = await db('itsm_alerts').countDistinct({ n: 'incident_id' });
    await db.destroy();
    const requests = latencies.length;
    const ok = requests - result.non2xx;
    console.log(`\nAlert ingestion on PostgreSQL — one backend, ${connections} connections, ${duration}s, ${alertsPerRequest} alerts per Alertmanager notification`);
    console.table([
      {
        'alerts/s': Math.round((ok * alertsPerRequest) / duration),
        'requests/s': Math.round(ok / duration),
        'p50 ms': percentile(latencies, 50),
        'p95 ms': percentile(latencies, 95),
        'p99 ms': percentile(latencies, 99),
        'new alerts': newAlerts,
        'repeated alerts': repeatAlerts,
        non2xx: result.non2xx,
        errors: result.errors,
      },
    ]);
    // A duplicate: one alert group on one service with two open incidents
    const duplicates = Number(dup.duplicates);
    console.table([
      {
        'alert groups × services': Number(dup.pairs),
        incidents: Number(incidents),
        'duplicate incidents': duplicates,
        'incidents without alerts': Number(incidents) - Number(linked),
        'alert rows': Number(alertRows),
        'receipts counted': Number(received),
      },
    ]);
    if (result.non2xx || result.errors || duplicates !== 0) process.exitCode = 1;
  } finally {
    stop();
    // Let the backend write its profile before this process exits
    if (args.profile) await new Promise(r => setTimeout(r, 5000));
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
