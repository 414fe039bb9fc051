#!/usr/bin/env node
/*
 * Benchmarks the ITSM read paths against a real demo backend and prints a
 * table. Starts packages/backend on the seeded demo data (embedded SQLite by
 * default), waits for the catalog and the seed, then runs autocannon on each
 * endpoint in turn, next to the catalog's own entity-by-name endpoint; each
 * row says how its p95 compares with the catalog's ("× catalog").
 *
 *   npm run bench                       # 10 s per endpoint, 10 connections
 *   npm run bench -- --duration 5 --connections 4 --entity component:default/ledger
 *   npm run bench -- --port 7100        # when 7007 is taken (the demo portal)
 *
 * At scale, on the local PostgreSQL (bench/seed-postgres.js writes the data):
 *
 *   npm run bench -- --scale 100k,1m --connections 4
 *
 * seeds 100,000 incidents (1,000 services), measures, seeds 1,000,000 (10,000
 * services: a service has about 100 incidents a year at both), measures, and prints
 * one table with both runs side by side and each read's growth; the rows
 * a service page makes are checked against DESIGN.md's budget (p95 ≤ 25 ms,
 * ≤ the catalog's p95, ≤ 1.2× growth from 100k to 1M).
 *
 *   npm run bench -- --scale 1m --only 'weekly|KPIs'   # just those rows (and the catalog's)
 *   npm run bench -- --scale 1m --reuse                # on the data the last run seeded
 *
 *   npm run bench -- --scale 1m --profile /tmp/itsm-profile
 *
 * Every endpoint is loaded for --warmup seconds (2) before any is measured,
 * then measured in --rounds (5) turns of duration/rounds seconds each.
 *
 * runs the backend under `node --cpu-prof` (the CLI refuses it in
 * NODE_OPTIONS) and prints the profile's top frames by self time.
 *
 * Extra app-config files can be passed with --config.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const autocannon = require('autocannon');
const { DateTime } = require('luxon');
const { topFrames } = require('./profileTop');

const root = path.resolve(__dirname, '..');
const args = parseArgs(process.argv.slice(2));
const duration = Number(args.duration ?? 10);
// Seconds of load on every endpoint before any is measured: JIT compilation
// and the catalog's first processing after start stay out of the figures.
const warmup = Number(args.warmup ?? 2);
const rounds = Math.max(1, Number(args.rounds ?? 5));
const connections = Number(args.connections ?? 10);
const entity = args.entity ?? 'component:default/payments-api';
const port = Number(args.port ?? 7007);
const base = `http://localhost:${port}`;
const token = crypto.randomBytes(24).toString('hex');
const SCALES = { '100k': 100_000, '1m': 1_000_000 };
// What the incident history table shows (plugins/itsm IncidentTable.tsx)
const TABLE_FIELDS =
  'ref,title,category,affectedServices,priority,status,assignee,assignedGroup,detectedAt,sla';

function parseArgs(argv) {
  const out = { config: [] };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    // A flag without a value (--reuse) is true
    const value = argv[i + 1] === undefined || argv[i + 1].startsWith('--') ? true : argv[++i];
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

/**
 * Runs autocannon; percentiles come from every response's own latency.
 * With `pathOf`, each request goes to its own path (pathOf(i) for the i-th).
 */
function measure(url, seconds = duration, pathOf) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let sent = 0;
    const instance = autocannon(
      {
        url,
        duration: seconds,
        connections,
        headers: { authorization: `Bearer ${token}` },
        ...(pathOf && {
          requests: [{ setupRequest: request => ({ ...request, path: pathOf(sent++) }) }],
        }),
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

/**
 * Starts packages/backend with the given configs on `port`. With a profile
 * directory, runs it under `node --cpu-prof` directly, as the CLI would
 * (same transpiling loader), since the CLI refuses --cpu-prof in NODE_OPTIONS.
 */
function startBackend(configs, profileDir) {
  const configArgs = configs.flatMap(c => ['--config', c]);
  const env = {
    ...process.env,
    ITSM_BENCH_TOKEN: token,
    // The port the backend listens on and says it is on
    APP_CONFIG_backend_listen_port: String(port),
    APP_CONFIG_backend_baseUrl: base,
  };
  const backendDir = path.join(root, 'packages/backend');
  const child = profileDir
    ? spawn(
        process.execPath,
        [
          '--cpu-prof',
          `--cpu-prof-dir=${profileDir}`,
          '--enable-source-maps',
          '--require',
          require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
            paths: [root],
          }),
          'src/index.ts',
          ...configArgs,
        ],
        {
          cwd: backendDir,
          env: { ...env, NODE_ENV: 'development' },
          stdio: ['ignore', 'ignore', 'inherit'],
          detached: true,
        },
      )
    : spawn('npx', ['backstage-cli', 'package', 'start', ...configArgs], {
        cwd: backendDir,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
  const exited = new Promise(resolve => child.once('exit', resolve));
  const stop = async () => {
    try {
      // SIGINT lets node write its CPU profile on the way out
      process.kill(profileDir ? child.pid : -child.pid, profileDir ? 'SIGINT' : 'SIGTERM');
    } catch {
      return; // already gone
    }
    await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
  };
  process.on('exit', () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  });
  return stop;
}

/** The ISO week before this one, as YYYY-Www (the weekly review's parameter). */
function lastIsoWeek() {
  return DateTime.utc().minus({ weeks: 1 }).toFormat("kkkk-'W'WW");
}

/**
 * Each read, and whether a service page makes it (DESIGN.md's budget).
 * With `services` (the seeded estate's size), also a service page's reads
 * of a different service on every request: what a page costs before the
 * backend's response cache holds it (a service page read repeats, so it
 * is the other rows that DESIGN.md's budget is checked on).
 */
function endpoints(services) {
  const [kind, rest] = entity.split(':');
  const [namespace, name] = rest.split('/');
  const ref = encodeURIComponent(entity);
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600_000).toISOString();
  // What the SLA card asks: 12 months by month from the first of a month
  const now = new Date();
  const yearStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString();
  // svc-12 … svc-(services-1), in a fixed pseudo-random order
  const serviceOf = i => `svc-${12 + ((i * 7919) % Math.max(1, services - 12))}`;
  const cold = !services
    ? []
    : [
        ['itsm entity summary, another service each request (cold)', i =>
          `/api/itsm/entities/component/default/${serviceOf(i)}/summary`],
        ["itsm service history (50, the table's fields), another service each request (cold)", i =>
          `/api/itsm/incidents?entityRef=${encodeURIComponent(`component:default/${serviceOf(i)}`)}&limit=50&fields=${TABLE_FIELDS}`],
        ['itsm SLA compliance, service, 12 months by month, another service each request (cold)', i =>
          `/api/itsm/sla/compliance?entityRef=${encodeURIComponent(`component:default/${serviceOf(i)}`)}&from=${yearStart}&groupBy=month`],
      ].map(([title, pathOf]) => [title, `${base}${pathOf(0)}`, 'cold', pathOf]);
  return [
    ['catalog entity by name (reference)', `${base}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`],
    ['itsm entity summary', `${base}/api/itsm/entities/${kind}/${namespace}/${name}/summary`, true],
    // The history table asks for the fields it shows (INCIDENT_TABLE_FIELDS)
    ['itsm service history (50, the table\'s fields)', `${base}/api/itsm/incidents?entityRef=${ref}&limit=50&fields=${TABLE_FIELDS}`, true],
    ['itsm service history (50, whole incidents)', `${base}/api/itsm/incidents?entityRef=${ref}&limit=50`],
    ['itsm who is on call (service)', `${base}/api/itsm/oncall?entityRef=${ref}`, true],
    ['itsm open workarounds (service)', `${base}/api/itsm/workarounds?entityRef=${ref}&open=true`, true],
    ['itsm changes (service, 50)', `${base}/api/itsm/changes?entityRef=${ref}&limit=50`, true],
    ['itsm deploy gate (service, now)', `${base}/api/itsm/changes/gate?entityRef=${ref}`, true],
    ['itsm SLA compliance, service, 12 months by month', `${base}/api/itsm/sla/compliance?entityRef=${ref}&from=${yearStart}&groupBy=month`, true],
    ...cold,
    ['itsm estate list, open P1–P2 (50)', `${base}/api/itsm/incidents?status=new,acknowledged,in_progress,on_hold&priority=P1,P2&limit=50`],
    ['itsm SLA compliance, estate, 12 months by month', `${base}/api/itsm/sla/compliance?from=${yearAgo}&groupBy=month`, 'report'],
    ['itsm problems (estate, 50)', `${base}/api/itsm/problems?limit=50`],
    ['itsm change metrics (service, 12 months)', `${base}/api/itsm/changes/metrics?entityRef=${ref}&from=${yearAgo}`],
    ['itsm KPIs, estate, 12 months by week', `${base}/api/itsm/reports/kpis?from=${yearAgo}&groupBy=week`, 'report'],
    ['itsm KPIs, estate, 12 months by priority', `${base}/api/itsm/reports/kpis?from=${yearAgo}&groupBy=priority`, 'report'],
    ['itsm KPIs, service, 12 months by month', `${base}/api/itsm/reports/kpis?entityRef=${ref}&from=${yearAgo}&groupBy=month`, 'report'],
    ['itsm weekly review, estate, last week (json)', `${base}/api/itsm/reports/weekly?week=${lastIsoWeek()}&format=json`, 'report'],
    ['itsm weekly review, estate, last week (csv)', `${base}/api/itsm/reports/weekly?week=${lastIsoWeek()}&format=csv`, 'report'],
  ]
    .map(([title, url, kind, pathOf]) => ({
      title,
      url,
      pathOf,
      servicePage: kind === true,
      // SLA compliance, KPIs and the weekly review: p95 ≤ 300 ms (DESIGN.md)
      report: kind === 'report' || /SLA compliance/.test(title),
    }))
    // --only <regex> measures the catalog and the matching rows
    .filter(({ title }, i) => i === 0 || !args.only || new RegExp(args.only, 'i').test(title));
}

/** Starts a backend, measures every endpoint, stops it. */
async function run(configs, { expectSeed, profileDir, services }) {
  const [kind, rest] = entity.split(':');
  const [namespace, name] = rest.split('/');
  const stop = startBackend(configs, profileDir);
  try {
    console.error(`Starting the demo backend on :${port}…`);
    await waitFor(`${base}/api/itsm/health`, async () => true, 180_000, 'the backend');
    await waitFor(
      `${base}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      async () => true,
      120_000,
      `the catalog to ingest ${entity}`,
    );
    await waitFor(
      `${base}/api/itsm/incidents?limit=1`,
      async res => (await res.json()).totalCount > 0 || !expectSeed,
      120_000,
      'the seed data',
    );
    if (warmup > 0) {
      console.error(`Warming up every endpoint for ${warmup}s…`);
      for (const endpoint of endpoints(services)) await measure(endpoint.url, warmup, endpoint.pathOf);
    }
    // Rounds: each endpoint is measured in --rounds slices of its duration,
    // in turn with the others, so a background burst (a catalog refresh, a
    // checkpoint) lands on every row rather than on whichever ran then.
    const list = endpoints(services);
    const pooled = list.map(() => ({ latencies: [], failed: 0 }));
    for (let round = 1; round <= rounds; round++) {
      for (const [i, endpoint] of list.entries()) {
        console.error(
          `Measuring ${endpoint.title} for ${duration / rounds}s (round ${round} of ${rounds})…`,
        );
        const { result, latencies } = await measure(endpoint.url, duration / rounds, endpoint.pathOf);
        pooled[i].latencies.push(...latencies);
        pooled[i].failed += result.non2xx + result.errors;
      }
    }
    const rows = list.map((endpoint, i) => {
      const latencies = pooled[i].latencies.sort((a, b) => a - b);
      return {
        ...endpoint,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        rps: Math.round(latencies.length / duration),
        requests: latencies.length,
        failed: pooled[i].failed,
      };
    });
    return rows;
  } finally {
    await stop();
  }
}

const ratio = (a, b) => Math.round((a / b) * 100) / 100;

function seed(incidents) {
  console.error(`Seeding ${incidents.toLocaleString('en')} incidents into PostgreSQL…`);
  const seeded = spawnSync(
    process.execPath,
    [path.join(__dirname, 'seed-postgres.js'), '--incidents', String(incidents)],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (seeded.status !== 0) throw new Error('seeding failed');
}

function printProfile(profileDir, label) {
  if (!profileDir || !fs.existsSync(profileDir)) return;
  const files = fs
    .readdirSync(profileDir)
    .filter(f => f.endsWith('.cpuprofile'))
    .map(f => path.join(profileDir, f))
    // The main thread's profile is the largest (workers write their own)
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  if (!files.length) {
    console.log(`(no CPU profile written in ${profileDir})`);
    return;
  }
  console.log(`\nCPU profile ${label}: top frames by self time (${files[0]})`);
  console.table(topFrames(files[0], 20));
}

async function main() {
  const baseConfigs = [
    path.join(root, 'app-config.yaml'),
    path.join(__dirname, 'app-config.bench.yaml'),
    ...args.config.map(c => path.resolve(c)),
  ];

  if (!args.scale) {
    const rows = await run(baseConfigs, { expectSeed: true, profileDir: args.profile });
    const catalog = rows[0].p95;
    console.log(`\nBackstage ITSM read paths — ${entity}, ${connections} connections, ${duration}s each`);
    console.table(
      rows.map(r => ({
        endpoint: r.title,
        'p50 ms': r.p50,
        'p95 ms': r.p95,
        'p99 ms': r.p99,
        '× catalog': ratio(r.p95, catalog),
        'req/s': r.rps,
        requests: r.requests,
        failed: r.failed,
      })),
    );
    printProfile(args.profile, '');
    if (rows.some(r => r.failed)) {
      console.error('Some requests failed.');
      process.exitCode = 1;
    }
    return;
  }

  const scales = String(args.scale).split(',');
  for (const s of scales) {
    if (!SCALES[s]) throw new Error(`--scale takes 100k, 1m or 100k,1m; got ${s}`);
  }
  const configs = [...baseConfigs, path.join(__dirname, 'app-config.postgres.yaml')];
  const runs = {};
  for (const s of scales) {
    // --reuse: measure what the bench database holds (the last seed of s)
    if (!args.reuse) seed(SCALES[s]);
    const profileDir = args.profile ? path.join(args.profile, s) : undefined;
    // The seed's estate: a service per 100 incidents (seed-postgres.js)
    runs[s] = await run(configs, { expectSeed: true, profileDir, services: SCALES[s] / 100 });
    printProfile(profileDir, `at ${s}`);
  }

  // The same rows at every scale (only the cold rows' services differ)
  const rows = endpoints(SCALES[scales[0]] / 100);
  const table = rows.map((endpoint, i) => {
    const row = { endpoint: endpoint.title + (endpoint.servicePage ? ' *' : '') };
    for (const s of scales) {
      const r = runs[s][i];
      row[`p50 ${s}`] = r.p50;
      row[`p95 ${s}`] = r.p95;
      row[`× catalog ${s}`] = ratio(r.p95, runs[s][0].p95);
      if (r.failed) row[`failed ${s}`] = r.failed;
    }
    if (scales.length === 2) {
      row['growth p95'] = ratio(runs[scales[1]][i].p95, runs[scales[0]][i].p95);
    }
    return row;
  });
  console.log(
    `\nBackstage ITSM read paths on PostgreSQL — ${entity}, ${connections} connections, ${duration}s each (* = a service page read)`,
  );
  console.table(table);

  // The budget of DESIGN.md for what a service page reads
  const misses = [];
  rows.forEach((endpoint, i) => {
    if (endpoint.report) {
      for (const s of scales) {
        const r = runs[s][i];
        if (r.p95 > 300) misses.push(`${endpoint.title} at ${s}: p95 ${r.p95} ms > 300 ms`);
      }
    }
    if (!endpoint.servicePage) return;
    for (const s of scales) {
      const r = runs[s][i];
      const catalog = runs[s][0].p95;
      if (r.p95 > 25) misses.push(`${endpoint.title} at ${s}: p95 ${r.p95} ms > 25 ms`);
      if (r.p95 > catalog) {
        misses.push(`${endpoint.title} at ${s}: p95 ${r.p95} ms > the catalog's ${catalog} ms`);
      }
    }
    if (scales.length === 2) {
      const growth = ratio(runs[scales[1]][i].p95, runs[scales[0]][i].p95);
      if (growth > 1.2) misses.push(`${endpoint.title}: ${growth}× from ${scales[0]} to ${scales[1]}`);
    }
  });
  console.log(
    misses.length
      ? `Over budget:\n  ${misses.join('\n  ')}`
      : 'Every service page read and report is within budget.',
  );
  if (Object.values(runs).some(rows => rows.some(r => r.failed))) {
    console.error('Some requests failed.');
    process.exitCode = 1;
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
