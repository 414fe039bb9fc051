#!/usr/bin/env node
/*
 * Benchmarks the ITSM read paths against a real demo backend and prints a
 * table. Starts packages/backend on the seeded demo data (embedded SQLite by
 * default), waits for the catalog and the seed, then runs autocannon on each
 * endpoint in turn, next to the catalog's own entity-by-name endpoint.
 *
 *   npm run bench                       # 10 s per endpoint, 10 connections
 *   npm run bench -- --duration 5 --connections 4 --entity component:default/ledger
 *
 * Extra app-config files can be passed with --config (e.g. a PostgreSQL one).
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const path = require('node:path');
const autocannon = require('autocannon');

const root = path.resolve(__dirname, '..');
const args = parseArgs(process.argv.slice(2));
const duration = Number(args.duration ?? 10);
const connections = Number(args.connections ?? 10);
const entity = args.entity ?? 'component:default/payments-api';
const port = Number(args.port ?? 7007);
const base = `http://localhost:${port}`;
const token = crypto.randomBytes(24).toString('hex');

function parseArgs(argv) {
  const out = { config: [] };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    i++;
    if (key === 'config') out.config.push(value);
    else out[key] = value;
  }
  return out;
}

async function waitFor(url, predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (res.ok && (await predicate(res))) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** Runs autocannon; percentiles come from every response's own latency. */
function measure(url) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      {
        url,
        duration,
        connections,
        headers: { authorization: `Bearer ${token}` },
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 10) / 10;
}

async function main() {
  const [kind, rest] = entity.split(':');
  const [namespace, name] = rest.split('/');
  const configs = [
    path.join(root, 'app-config.yaml'),
    path.join(__dirname, 'app-config.bench.yaml'),
    ...args.config.map(c => path.resolve(c)),
  ].flatMap(c => ['--config', c]);

  const backend = spawn('npx', ['backstage-cli', 'package', 'start', ...configs], {
    cwd: path.join(root, 'packages/backend'),
    env: { ...process.env, ITSM_BENCH_TOKEN: token, PORT: String(port) },
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
    console.error('Starting the demo backend…');
    await waitFor(`${base}/api/itsm/health`, async () => true, 180_000, 'the backend');
    await waitFor(
      `${base}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      async () => true,
      120_000,
      `the catalog to ingest ${entity}`,
    );
    await waitFor(
      `${base}/api/itsm/incidents?limit=1`,
      async res => (await res.json()).totalCount > 0,
      120_000,
      'the seed data',
    );
    const ref = encodeURIComponent(entity);
    const yearAgo = new Date(Date.now() - 365 * 24 * 3600_000).toISOString();
    const endpoints = [
      ['catalog entity by name (reference)', `${base}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`],
      ['itsm entity summary', `${base}/api/itsm/entities/${kind}/${namespace}/${name}/summary`],
      ['itsm service history (50)', `${base}/api/itsm/incidents?entityRef=${ref}&limit=50`],
      ['itsm estate list, open P1–P2 (50)', `${base}/api/itsm/incidents?status=new,acknowledged,in_progress,on_hold&priority=P1,P2&limit=50`],
      ['itsm SLA compliance, service, 12 months by month', `${base}/api/itsm/sla/compliance?entityRef=${ref}&from=${yearAgo}&groupBy=month`],
      ['itsm SLA compliance, estate, 12 months by month', `${base}/api/itsm/sla/compliance?from=${yearAgo}&groupBy=month`],
      ['itsm who is on call (service)', `${base}/api/itsm/oncall?entityRef=${ref}`],
      ['itsm open workarounds (service)', `${base}/api/itsm/workarounds?entityRef=${ref}&open=true`],
      ['itsm problems (estate, 50)', `${base}/api/itsm/problems?limit=50`],
      ['itsm changes (service, 50)', `${base}/api/itsm/changes?entityRef=${ref}&limit=50`],
      ['itsm change metrics (service, 12 months)', `${base}/api/itsm/changes/metrics?entityRef=${ref}&from=${yearAgo}`],
    ];
    const rows = [];
    for (const [title, url] of endpoints) {
      console.error(`Measuring ${title} for ${duration}s…`);
      const { result, latencies } = await measure(url);
      latencies.sort((a, b) => a - b);
      rows.push({
        endpoint: title,
        'p50 ms': percentile(latencies, 50),
        'p95 ms': percentile(latencies, 95),
        'p99 ms': percentile(latencies, 99),
        'req/s': Math.round(result.requests.average),
        requests: latencies.length,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    }
    console.log(`\nBackstage ITSM read paths — ${entity}, ${connections} connections, ${duration}s each`);
    console.table(rows);
    if (rows.some(r => r.non2xx || r.errors)) {
      console.error('Some requests failed.');
      process.exitCode = 1;
    }
  } finally {
    stop();
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
