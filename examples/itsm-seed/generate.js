#!/usr/bin/env node
/*
 * Generates examples/itsm-seed/incidents.json: ~400 demo incidents over the
 * last 180 days on the example services (examples/entities.yaml), with the
 * people of examples/org.yaml.
 *
 * The backend loads the file on start when it has no incidents yet and
 * replays each incident through its own rules (create, then each status
 * transition and update in time order), so every time in the file is
 * RELATIVE: `detectedMinutesAgo` (from now) and `minutesAfterDetected`.
 *
 * Plain Node, no dependencies, deterministic (mulberry32 with a fixed seed):
 * running it twice gives the same file.
 *
 *   node examples/itsm-seed/generate.js
 *
 * The lifecycle table and the priority matrix below mirror
 * plugins/itsm-common/src (IncidentLifecycle.ts and PriorityMatrix.ts, the
 * default ITIL matrix); the generator checks every incident against them
 * before writing and fails if anything is illegal.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const SEED = 20240917;
const COUNT = 400;
const DAY = 24 * 60;
const HORIZON_DAYS = 180;

// ---------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(a) {
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
const pick = list => list[Math.floor(rand() * list.length)];
const chance = p => rand() < p;
/** Picks a key of `weights` with probability proportional to its value. */
function weighted(weights) {
  const entries = Object.entries(weights);
  let r = rand() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}
/** Log-uniform between min and max: most values small, a long tail. */
const logUniform = (min, max) =>
  Math.round(
    Math.exp(Math.log(min) + rand() * (Math.log(max) - Math.log(min))),
  );

// ---------------------------------------------------------------------------
// Domain rules (mirrors of plugins/itsm-common/src)

const TRANSITIONS = {
  new: ['acknowledged', 'cancelled'],
  acknowledged: ['in_progress', 'cancelled'],
  in_progress: ['on_hold', 'resolved', 'cancelled'],
  on_hold: ['in_progress', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};
const OPEN = ['new', 'acknowledged', 'in_progress', 'on_hold'];
const MATRIX = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P5' },
};
const LEVELS = ['high', 'medium', 'low'];
const RESOLUTION_CODES = [
  'fixed',
  'workaround',
  'rolled_back',
  'duplicate',
  'not_reproducible',
  'no_fault_found',
];
const CATEGORIES = [
  'availability',
  'performance',
  'functionality',
  'data',
  'security',
  'capacity',
  'other',
];

// ---------------------------------------------------------------------------
// The example catalog (examples/org.yaml, examples/entities.yaml)

const GROUP_MEMBERS = {
  'payments-team': ['alice', 'bob'],
  'checkout-team': ['carol', 'dave'],
  'identity-team': ['erin', 'frank'],
  platform: ['grace', 'heidi'],
  sre: ['ivan', 'judy'],
};
const USERS = Object.values(GROUP_MEMBERS).flat();

const SERVICES = {
  'payments-api': {
    owner: 'payments-team',
    label: 'Payments API',
    related: ['ledger', 'fraud-check', 'checkout-web'],
  },
  ledger: {
    owner: 'payments-team',
    label: 'Ledger',
    related: ['payments-api', 'billing-worker'],
  },
  'fraud-check': {
    owner: 'payments-team',
    label: 'Fraud check',
    related: ['payments-api', 'user-profile'],
  },
  'billing-worker': {
    owner: 'payments-team',
    label: 'Billing worker',
    related: ['ledger', 'notifications-gateway'],
  },
  'checkout-web': {
    owner: 'checkout-team',
    label: 'Checkout',
    related: ['cart-service', 'payments-api', 'auth-service', 'pricing'],
  },
  'cart-service': {
    owner: 'checkout-team',
    label: 'Cart service',
    related: ['pricing', 'session-store', 'checkout-web'],
  },
  'catalog-search': {
    owner: 'checkout-team',
    label: 'Catalog search',
    related: ['pricing', 'checkout-web'],
  },
  pricing: {
    owner: 'checkout-team',
    label: 'Pricing',
    related: ['cart-service', 'catalog-search'],
  },
  'auth-service': {
    owner: 'identity-team',
    label: 'Auth service',
    related: ['session-store', 'user-profile', 'checkout-web'],
  },
  'user-profile': {
    owner: 'identity-team',
    label: 'User profile',
    related: ['auth-service', 'fraud-check'],
  },
  'session-store': {
    owner: 'platform',
    label: 'Session store',
    related: ['auth-service', 'cart-service'],
  },
  'notifications-gateway': {
    owner: 'sre',
    label: 'Notifications gateway',
    related: ['billing-worker', 'auth-service'],
  },
};
const SERVICE_NAMES = Object.keys(SERVICES);
// Busier services get more incidents.
const SERVICE_WEIGHTS = {
  'payments-api': 14,
  ledger: 7,
  'fraud-check': 8,
  'billing-worker': 6,
  'checkout-web': 14,
  'cart-service': 10,
  'catalog-search': 9,
  pricing: 6,
  'auth-service': 12,
  'user-profile': 5,
  'session-store': 6,
  'notifications-gateway': 8,
};

const userRef = name => `user:default/${name}`;
const groupRef = name => `group:default/${name}`;
const serviceRef = name => `component:default/${name}`;
const email = name => `${name}@example.com`;

// ---------------------------------------------------------------------------
// Text

const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2'];
const CLIENTS = [
  'the iOS app',
  'the Android app',
  'the web shop',
  'partner integrations',
  'the call-centre tool',
];

/**
 * Title and description templates by category; `s` is the service label,
 * `r` the region where it was seen.
 */
const TEMPLATES = {
  availability: [
    (s, r) => [
      `${s} returning 5xx errors`,
      `Error rate on **${s}** jumped to ${int(
        4,
        60,
      )}% of requests (baseline < 0.5%).\n\n- First seen in ${r}\n- Customers see "Something went wrong" pages`,
    ],
    (s, r) => [
      `${s} unreachable from ${r}`,
      `Health checks from ${r} fail for **${s}**; other regions look healthy.\n\nLoad balancer reports all targets unhealthy.`,
    ],
    s => [
      `${s} pods crash-looping after deploy`,
      `After today's deploy **${s}** pods restart every ${int(
        1,
        5,
      )} minutes (OOMKilled / exit 137).\n\nOnly ${int(1, 3)} of ${int(
        6,
        12,
      )} replicas are ready.`,
    ],
    s => [
      `${s} intermittently unavailable`,
      `Roughly one request in ${int(
        5,
        30,
      )} to **${s}** times out at the gateway.\n\nReported by ${pick(
        CLIENTS,
      )}.`,
    ],
    s => [
      `${s} down: dependency connection refused`,
      `**${s}** logs \`ECONNREFUSED\` to a downstream dependency and fails readiness.\n\nImpact: requests fail fast with 503.`,
    ],
  ],
  performance: [
    (s, r, x = int(2, 5)) => [
      `${s} latency above ${x}s`,
      `p95 latency of **${s}** is ${(x + rand()).toFixed(
        1,
      )}s in ${r} (SLO 800 ms) for the last ${int(
        10,
        45,
      )} minutes.\n\nCPU looks normal; suspect a slow query or cache misses.`,
    ],
    s => [
      `Slow responses from ${s}`,
      `Users report pages depending on **${s}** take ${int(
        5,
        20,
      )}s to load.\n\n| metric | now | usual |\n|---|---|---|\n| p50 | ${int(
        900,
        3000,
      )} ms | ${int(80, 200)} ms |\n| p99 | ${int(5, 15)} s | ${int(
        300,
        900,
      )} ms |`,
    ],
    s => [
      `${s} throughput degraded`,
      `**${s}** processes ${int(
        20,
        60,
      )}% of its usual requests per second; queue depth growing.`,
    ],
    s => [
      `Timeouts calling ${s}`,
      `Callers of **${s}** hit their ${int(1, 3)}s client timeout on ${int(
        2,
        15,
      )}% of calls.`,
    ],
  ],
  functionality: [
    s => [
      `${s}: feature not working after release`,
      `Since the latest release, a core flow of **${s}** fails for some users.\n\n**Steps to reproduce**\n1. Sign in\n2. Use the affected flow\n3. Observe the error banner`,
    ],
    s => [
      `Wrong results from ${s}`,
      `**${s}** returns unexpected results for a subset of requests (reported by ${pick(
        CLIENTS,
      )}).`,
    ],
    s => [
      `${s} rejects valid requests with 400`,
      `Requests that worked yesterday are rejected by **${s}** with \`400 Bad Request\` (validation error on an optional field).`,
    ],
    s => [
      `Button does nothing in flow served by ${s}`,
      `Clicking the primary action in the flow backed by **${s}** has no effect in ${pick(
        ['Safari', 'Firefox', 'Chrome on Android'],
      )}.`,
    ],
  ],
  data: [
    s => [
      `${s}: inconsistent records`,
      `Reconciliation found ${int(
        3,
        400,
      )} records in **${s}** that disagree with the upstream source.`,
    ],
    s => [
      `Duplicate entries written by ${s}`,
      `**${s}** wrote duplicate rows after a retry storm; ${int(
        10,
        900,
      )} customers affected.`,
    ],
    s => [
      `${s} nightly export missing data`,
      `Last night's export from **${s}** is ${int(
        5,
        40,
      )}% smaller than usual; some partitions are empty.`,
    ],
    s => [
      `Stale data served by ${s}`,
      `**${s}** serves data that is ${int(
        2,
        48,
      )} hours old; the cache is not being refreshed.`,
    ],
  ],
  security: [
    s => [
      `Suspicious traffic against ${s}`,
      `WAF flagged ${int(
        2,
        40,
      )}k requests/min from a small set of IPs probing **${s}** endpoints.`,
    ],
    s => [
      `Expiring TLS certificate on ${s}`,
      `The TLS certificate for **${s}** expires in ${int(
        1,
        6,
      )} days and auto-renewal failed.`,
    ],
    s => [
      `Credential leaked in ${s} logs`,
      `A token appears in plain text in **${s}** application logs; logs are shipped to the shared cluster.`,
    ],
    s => [
      `Vulnerable dependency in ${s}`,
      `A critical CVE affects a library bundled in **${s}**; exploitability being assessed.`,
    ],
  ],
  capacity: [
    (s, r, x = int(85, 97)) => [
      `${s} disk usage above ${x}%`,
      `Data volume of **${s}** is at ${x}% and growing ~${int(1, 5)}%/day.`,
    ],
    s => [
      `${s} connection pool exhausted`,
      `**${s}** logs "pool exhausted" warnings; requests queue for connections.`,
    ],
    s => [
      `${s} hitting CPU limits`,
      `**${s}** pods are CPU-throttled at their limit during peak traffic; autoscaler at max replicas.`,
    ],
    s => [
      `Queue backlog growing on ${s}`,
      `The work queue of **${s}** holds ${int(
        20,
        900,
      )}k messages and keeps growing.`,
    ],
  ],
  other: [
    s => [
      `${s}: alerts flapping`,
      `Alerts for **${s}** fire and resolve every few minutes without visible customer impact.`,
    ],
    s => [
      `Question about ${s} behaviour`,
      `A partner asks why **${s}** behaves differently from the documentation.`,
    ],
    s => [
      `${s} dashboard shows no data`,
      `The monitoring dashboard of **${s}** is empty since ${int(
        1,
        12,
      )} hours ago.`,
    ],
  ],
};

/** Alertmanager-style titles for alert-sourced incidents. */
const ALERTS = {
  availability: [
    'HighErrorRate',
    'TargetDown',
    'KubePodCrashLooping',
    'ProbeFailed',
  ],
  performance: ['HighLatencyP95', 'SlowRequests', 'ApdexLow'],
  capacity: [
    'DiskAlmostFull',
    'ConnectionPoolSaturated',
    'CPUThrottlingHigh',
    'QueueBacklogHigh',
  ],
};

const UPDATES = {
  availability: [
    'Rolled back the last deploy in one region to compare',
    'Error rate dropping after restarting the unhealthy pods',
    'Dependency owner engaged; they see the same errors',
    'Traffic shifted away from the affected region',
  ],
  performance: [
    'Root cause narrowed to cache eviction',
    'Slow query identified; adding an index in staging',
    'Scaled out to relieve pressure while we investigate',
    'Latency back under SLO in two of three regions',
  ],
  functionality: [
    'Reproduced in staging',
    'Fix in code review',
    'Feature flag turned off for affected users',
    'Confirmed with the reporter that the workaround helps',
  ],
  data: [
    'Affected records identified; repair script being written',
    'Writes paused to stop the damage spreading',
    'Repair script tested on a copy of production',
    'Reconciliation re-run: counts match again',
  ],
  security: [
    'Offending IPs blocked at the WAF',
    'Security team engaged',
    'Credential rotated',
    'Patched image built and being rolled out',
  ],
  capacity: [
    'Old data archived, usage down 10%',
    'Pool size raised temporarily',
    'Added capacity; watching the trend',
    'Capacity ticket raised for next quarter',
  ],
  other: [
    'Looking into it',
    'Waiting for more details from the reporter',
    'Discussed with the owning team',
  ],
};
const HOLD_REASONS = [
  'Waiting for vendor',
  'Waiting for the reporter',
  'Waiting for a maintenance window',
  'Waiting on another team',
];

const RESOLUTION_NOTES = {
  fixed: [
    'Deployed a fix and verified in production',
    'Rolled out cache fix',
    'Corrected the configuration and redeployed',
    'Patched the query and added a regression test',
    'Increased limits and added an alert before saturation',
  ],
  workaround: [
    'Feature flag disabled until the permanent fix ships',
    'Traffic routed around the faulty node; problem record opened',
    'Restarted the service; root cause tracked in a problem',
    'Manual retry job in place until the fix ships',
  ],
  rolled_back: [
    'Rolled back to the previous release',
    'Reverted the config change that caused it',
    'Rolled back the database migration',
  ],
  duplicate: [
    'Duplicate of an incident already being worked on',
    'Same root cause as an earlier report; handled there',
  ],
  not_reproducible: [
    'Could not reproduce after several attempts; reporter agrees to reopen if seen again',
    'No errors in logs or metrics for the reported window',
  ],
  no_fault_found: [
    'Behaviour is as designed; documentation clarified',
    'Alert threshold too sensitive; no customer impact found',
    'Client-side issue on the reporter side',
  ],
};
const CANCEL_REASONS = ['Raised by mistake', 'Duplicate report', 'False alarm'];

// ---------------------------------------------------------------------------
// Timing per priority, in minutes (min, max; log-uniform)

const TIMING = {
  P1: { ack: [2, 20], work: [1, 10], resolve: [30, 480] },
  P2: { ack: [3, 60], work: [2, 30], resolve: [60, 1440] },
  P3: { ack: [10, 240], work: [5, 240], resolve: [240, 4 * DAY] },
  P4: { ack: [30, 600], work: [10, 720], resolve: [720, 8 * DAY] },
  P5: { ack: [60, 1440], work: [30, 1440], resolve: [1440, 14 * DAY] },
};

// ---------------------------------------------------------------------------
// Generation

/** Final status, by how long ago the incident was detected. */
function finalStatusFor(minutesAgo) {
  const days = minutesAgo / DAY;
  if (minutesAgo < 30) return weighted({ new: 8, acknowledged: 2 });
  if (days < 1)
    return weighted({
      new: 3,
      acknowledged: 3,
      in_progress: 5,
      on_hold: 1,
      resolved: 3,
      cancelled: 1,
    });
  if (days < 7)
    return weighted({
      new: 2,
      acknowledged: 2,
      in_progress: 5,
      on_hold: 3,
      resolved: 4,
      closed: 2,
      cancelled: 1,
    });
  if (days < 14)
    return weighted({
      in_progress: 1,
      on_hold: 1,
      resolved: 4,
      closed: 12,
      cancelled: 1,
    });
  return weighted({
    acknowledged: 0.3,
    in_progress: 0.7,
    on_hold: 1,
    resolved: 1.5,
    closed: 88,
    cancelled: 6,
  });
}

/**
 * Status path (without times) that ends in `final`; on_hold loops and
 * reopens (resolved → in_progress) on some.
 */
function pathTo(final) {
  const steps = [];
  const work = () => {
    steps.push('acknowledged', 'in_progress');
    if (chance(0.2)) steps.push('on_hold', 'in_progress');
  };
  switch (final) {
    case 'new':
      break;
    case 'acknowledged':
      steps.push('acknowledged');
      break;
    case 'in_progress':
      work();
      break;
    case 'on_hold':
      work();
      steps.push('on_hold');
      break;
    case 'resolved':
    case 'closed':
      work();
      steps.push('resolved');
      if (chance(0.07)) steps.push('in_progress', 'resolved');
      if (final === 'closed') steps.push('closed');
      break;
    case 'cancelled': {
      const from = weighted({
        new: 4,
        acknowledged: 3,
        in_progress: 2,
        on_hold: 1,
      });
      if (from !== 'new') steps.push('acknowledged');
      if (from === 'in_progress' || from === 'on_hold')
        steps.push('in_progress');
      if (from === 'on_hold') steps.push('on_hold');
      steps.push('cancelled');
      break;
    }
    default:
      throw new Error(`unknown status ${final}`);
  }
  return steps;
}

/** Minutes after detection for each step of a path. */
function timesFor(steps, priority) {
  const t = TIMING[priority];
  const times = [];
  let now = 0;
  let prev = 'new';
  for (const status of steps) {
    let gap;
    if (status === 'acknowledged') gap = logUniform(...t.ack);
    else if (status === 'in_progress' && prev === 'acknowledged')
      gap = logUniform(...t.work);
    else if (status === 'in_progress' && prev === 'on_hold')
      gap = logUniform(60, 3 * DAY);
    else if (status === 'in_progress') gap = logUniform(60, 2 * DAY); // reopen
    else if (status === 'on_hold') gap = logUniform(20, t.resolve[1] / 2);
    else if (status === 'resolved') gap = logUniform(...t.resolve);
    else if (status === 'closed') gap = logUniform(DAY, 7 * DAY);
    else if (status === 'cancelled') gap = logUniform(5, 600);
    else throw new Error(status);
    now += Math.max(1, gap);
    times.push(now);
    prev = status;
  }
  return times;
}

/**
 * Squeezes a timeline into the time available (`budget` minutes, ending
 * before now), keeping times strictly increasing; null if it cannot fit.
 */
function fit(times, budget) {
  if (!times.length) return times;
  if (times.length > budget) return null;
  const last = times[times.length - 1];
  if (last <= budget) return times;
  const factor = (budget * (0.5 + rand() * 0.45)) / last;
  const out = [];
  let prev = 0;
  for (const t of times) {
    const v = Math.max(prev + 1, Math.round(t * factor));
    out.push(v);
    prev = v;
  }
  return out[out.length - 1] <= budget ? out : null;
}

function pickLevels(category) {
  const impactW = {
    availability: { high: 4, medium: 4, low: 2 },
    performance: { high: 2, medium: 5, low: 3 },
    functionality: { high: 1, medium: 4, low: 5 },
    data: { high: 3, medium: 4, low: 3 },
    security: { high: 4, medium: 3, low: 3 },
    capacity: { high: 1, medium: 4, low: 5 },
    other: { high: 0.5, medium: 2, low: 7 },
  }[category];
  const urgencyW = {
    availability: { high: 5, medium: 3, low: 2 },
    performance: { high: 2, medium: 5, low: 3 },
    functionality: { high: 1, medium: 4, low: 5 },
    data: { high: 2, medium: 4, low: 4 },
    security: { high: 4, medium: 4, low: 2 },
    capacity: { high: 1, medium: 4, low: 5 },
    other: { high: 0.5, medium: 2, low: 7 },
  }[category];
  return [weighted(impactW), weighted(urgencyW)];
}

/**
 * Builds one incident. `opts` may force the primary service, category,
 * levels, final status, detection time, or a title (for recurring clusters).
 */
function makeIncident(opts) {
  const minutesAgo = opts.minutesAgo;
  const primary = opts.service ?? weighted(SERVICE_WEIGHTS);
  const svc = SERVICES[primary];
  const source =
    opts.source ?? weighted({ portal: 62, api: 13, alertmanager: 25 });
  const category =
    opts.category ??
    (source === 'alertmanager'
      ? weighted({ availability: 5, performance: 4, capacity: 3 })
      : weighted({
          availability: 18,
          performance: 20,
          functionality: 26,
          data: 10,
          security: 7,
          capacity: 9,
          other: 10,
        }));
  const [impact, urgency] = opts.levels ?? pickLevels(category);
  const priority = MATRIX[impact][urgency];

  const region = pick(REGIONS);
  let [title, description] = pick(TEMPLATES[category])(svc.label, region);
  if (source === 'alertmanager' && ALERTS[category]) {
    const alert = pick(ALERTS[category]);
    title = `[FIRING] ${alert}: ${primary}`;
    description = `Alertmanager alert **${alert}** firing for \`service=${primary}\` in ${region}.\n\n${description}`;
  }
  if (opts.title) [title, description] = opts.title;

  const services = [primary];
  if (chance(0.2)) services.push(pick(svc.related));

  const team = GROUP_MEMBERS[svc.owner];
  const assignee = pick(team);
  const reporter =
    source === 'alertmanager'
      ? pick(GROUP_MEMBERS.sre) // the on-call SRE who picked up the alert
      : chance(0.35)
      ? pick(team)
      : pick(USERS);

  // Status path and times, falling back to a shorter path when the incident
  // is too recent for the planned one.
  let final = opts.final ?? finalStatusFor(minutesAgo);
  let steps;
  let times;
  for (;;) {
    steps = pathTo(final);
    times = fit(timesFor(steps, priority), minutesAgo - 1);
    if (times) break;
    final = {
      closed: 'resolved',
      resolved: 'in_progress',
      on_hold: 'in_progress',
      in_progress: 'acknowledged',
      acknowledged: 'new',
      cancelled: 'new',
    }[final];
  }

  const others = USERS.filter(u => u !== assignee);
  const transitions = steps.map((status, i) => {
    let actor = assignee;
    if (status === 'acknowledged' && chance(0.25))
      actor = pick(GROUP_MEMBERS.sre); // on-call acked
    if (status === 'closed') actor = chance(0.5) ? reporter : pick(others);
    if (status === 'cancelled') actor = chance(0.5) ? reporter : assignee;
    const t = { status, minutesAfterDetected: times[i], actor: userRef(actor) };
    if (status === 'resolved') {
      const code = weighted({
        fixed: 50,
        workaround: 15,
        rolled_back: 14,
        duplicate: 6,
        not_reproducible: 8,
        no_fault_found: 7,
      });
      t.resolutionCode = code;
      t.resolutionNotes = pick(RESOLUTION_NOTES[code]);
    }
    return t;
  });

  // Updates: after acknowledgement, before the incident is resolved or
  // cancelled (or before now while it is open); never at a transition's minute.
  const updates = [];
  const holdIdx = steps.indexOf('on_hold');
  const cancelIdx = steps.indexOf('cancelled');
  const notes = (holdIdx >= 0 ? 1 : 0) + (cancelIdx >= 0 ? 1 : 0);
  const ackAt = times[0];
  const endIdx = steps.findIndex(s => s === 'resolved' || s === 'cancelled');
  const end = endIdx >= 0 ? times[endIdx] : minutesAgo - 1;
  const taken = new Set(times);
  if (steps.length && end - ackAt > 4) {
    const n = Math.min(Number(weighted({ 0: 3, 1: 4, 2: 3, 3: 2 })), 3 - notes);
    const slots = new Set();
    for (let k = 0; k < n * 3 && slots.size < n; k++) {
      const m = int(ackAt + 1, end - 1);
      if (!taken.has(m)) slots.add(m);
    }
    const messages = [...UPDATES[category]];
    for (const m of [...slots].sort((a, b) => a - b)) {
      const message =
        messages.splice(Math.floor(rand() * messages.length), 1)[0] ??
        'Still investigating';
      updates.push({
        minutesAfterDetected: m,
        actor: userRef(chance(0.8) ? assignee : pick(team)),
        message,
      });
    }
  }
  if (
    holdIdx >= 0 &&
    !taken.has(times[holdIdx] + 1) &&
    times[holdIdx] + 1 < minutesAgo &&
    !updates.some(u => u.minutesAfterDetected === times[holdIdx] + 1)
  ) {
    const next = times[holdIdx + 1];
    if (next === undefined || next > times[holdIdx] + 1) {
      updates.push({
        minutesAfterDetected: times[holdIdx] + 1,
        actor: userRef(assignee),
        message: pick(HOLD_REASONS),
      });
      updates.sort((a, b) => a.minutesAfterDetected - b.minutesAfterDetected);
    }
  }
  if (cancelIdx >= 0) {
    // Say why before cancelling.
    const m = times[cancelIdx] - 1;
    if (
      m > (cancelIdx > 0 ? times[cancelIdx - 1] : 0) &&
      !updates.some(u => u.minutesAfterDetected === m)
    ) {
      updates.push({
        minutesAfterDetected: m,
        actor: transitions[cancelIdx].actor,
        message: pick(CANCEL_REASONS),
      });
      updates.sort((a, b) => a.minutesAfterDetected - b.minutesAfterDetected);
    }
  }

  const incident = {
    title,
    description,
    affectedServices: services.map(serviceRef),
    category,
    impact,
    urgency,
    reporter: userRef(reporter),
    reporterContact: email(reporter),
    source,
    assignedGroup: groupRef(svc.owner),
  };
  // Brand-new incidents are sometimes not assigned to a person yet.
  if (steps.length || chance(0.5)) incident.assignee = userRef(assignee);
  incident.detectedMinutesAgo = minutesAgo;
  incident.transitions = transitions;
  incident.updates = updates;
  return incident;
}

function generate() {
  const incidents = [];
  const horizon = HORIZON_DAYS * DAY;

  // 1. Recurring clusters: the same symptom on one service within days,
  //    for problem management / recurrence detection to find.
  const clusters = [
    {
      service: 'cart-service',
      category: 'performance',
      title: 'Cart service latency spike at peak',
      daysAgo: 150,
    },
    {
      service: 'auth-service',
      category: 'availability',
      title: 'Sign-in failing with 502 from auth-service',
      daysAgo: 95,
    },
    {
      service: 'billing-worker',
      category: 'data',
      title: 'Billing worker sent duplicate receipts',
      daysAgo: 60,
    },
    {
      service: 'catalog-search',
      category: 'capacity',
      title: 'Search cluster heap pressure',
      daysAgo: 33,
    },
    {
      service: 'notifications-gateway',
      category: 'availability',
      title: 'SMS provider errors on notifications-gateway',
      daysAgo: 19,
    },
  ];
  for (const c of clusters) {
    const n = int(3, 5);
    for (let i = 0; i < n; i++) {
      const minutesAgo = Math.round(
        c.daysAgo * DAY - i * int(1, 3) * DAY - int(0, 600),
      );
      const desc = `${
        pick(TEMPLATES[c.category])(SERVICES[c.service].label, pick(REGIONS))[1]
      }\n\nSeen again - see earlier incidents on this service.`;
      incidents.push(
        makeIncident({
          service: c.service,
          category: c.category,
          minutesAgo,
          title: [c.title, desc],
        }),
      );
    }
  }

  // 2. One open incident per service in the last week, so every service
  //    page has something on fire (or on hold).
  //    Two of them are live P1s being worked on, so the demo opens on a
  //    service that is clearly on fire.
  const openStatuses = ['new', 'acknowledged', 'in_progress', 'on_hold'];
  SERVICE_NAMES.forEach((service, i) => {
    const onFire = i === 0 || i === 4;
    incidents.push(
      makeIncident({
        service,
        minutesAgo: onFire ? int(30, 240) : int(90, 6 * DAY),
        final: onFire ? 'in_progress' : openStatuses[i % openStatuses.length],
        ...(onFire ? { levels: ['high', 'high'], category: 'availability' } : {}),
      }),
    );
  });

  // 3. Every impact × urgency cell (hence every priority) at least twice.
  for (const impact of LEVELS) {
    for (const urgency of LEVELS) {
      for (let k = 0; k < 2; k++) {
        incidents.push(
          makeIncident({
            levels: [impact, urgency],
            category: pick(CATEGORIES),
            minutesAgo: int(60, horizon - DAY),
          }),
        );
      }
    }
  }

  // 4. The rest: spread over six months, a little busier recently, with a
  //    steady trickle in the last week.
  const recent = 30;
  for (let i = 0; i < recent; i++)
    incidents.push(makeIncident({ minutesAgo: int(5, 7 * DAY) }));
  while (incidents.length < COUNT) {
    const minutesAgo =
      7 * DAY + Math.round((horizon - 7 * DAY - 60) * Math.pow(rand(), 1.15));
    incidents.push(makeIncident({ minutesAgo }));
  }
  return incidents.sort((a, b) => b.detectedMinutesAgo - a.detectedMinutesAgo);
}

// ---------------------------------------------------------------------------
// Checks (fail loudly rather than write a file the backend would refuse)

function check(incidents) {
  const fail = (i, msg) => {
    throw new Error(`incident #${i} (${incidents[i].title}): ${msg}`);
  };
  incidents.forEach((inc, i) => {
    if (!LEVELS.includes(inc.impact) || !LEVELS.includes(inc.urgency))
      fail(i, 'bad level');
    if (!CATEGORIES.includes(inc.category)) fail(i, 'bad category');
    if (
      !(
        inc.detectedMinutesAgo > 0 &&
        inc.detectedMinutesAgo <= HORIZON_DAYS * DAY
      )
    )
      fail(i, 'detected outside 180 days');
    const primary = inc.affectedServices[0].replace('component:default/', '');
    if (inc.assignedGroup !== groupRef(SERVICES[primary].owner))
      fail(i, 'group is not the primary owner');
    if (new Set(inc.affectedServices).size !== inc.affectedServices.length)
      fail(i, 'duplicate service');
    let status = 'new';
    let prev = 0;
    for (const t of inc.transitions) {
      if (!TRANSITIONS[status].includes(t.status))
        fail(i, `illegal ${status} -> ${t.status}`);
      if (!(t.minutesAfterDetected > prev))
        fail(i, 'times not strictly increasing');
      if (!(t.minutesAfterDetected < inc.detectedMinutesAgo))
        fail(i, 'transition in the future');
      if (
        t.status === 'resolved' &&
        !(RESOLUTION_CODES.includes(t.resolutionCode) && t.resolutionNotes)
      )
        fail(i, 'resolution without code/notes');
      status = t.status;
      prev = t.minutesAfterDetected;
    }
    const tTimes = new Set(inc.transitions.map(t => t.minutesAfterDetected));
    let uPrev = 0;
    for (const u of inc.updates) {
      if (!(u.minutesAfterDetected > uPrev)) fail(i, 'updates not increasing');
      if (
        !(
          u.minutesAfterDetected > 0 &&
          u.minutesAfterDetected < inc.detectedMinutesAgo
        )
      )
        fail(i, 'update in the future');
      if (tTimes.has(u.minutesAfterDetected))
        fail(i, 'update at a transition minute');
      uPrev = u.minutesAfterDetected;
    }
    if (inc.updates.length > 3) fail(i, 'more than 3 updates');
  });
}

function stats(incidents) {
  const count = (fn, list = incidents) =>
    list.reduce((m, x) => ((m[fn(x)] = (m[fn(x)] ?? 0) + 1), m), {});
  const finalOf = x =>
    x.transitions.length
      ? x.transitions[x.transitions.length - 1].status
      : 'new';
  const open = incidents.filter(x => OPEN.includes(finalOf(x)));
  return {
    total: incidents.length,
    byStatus: count(finalOf),
    byPriority: count(x => MATRIX[x.impact][x.urgency]),
    cells: Object.keys(count(x => `${x.impact}/${x.urgency}`)).length,
    byCategory: count(x => x.category),
    bySource: count(x => x.source),
    open: open.length,
    openLast7Days: open.filter(x => x.detectedMinutesAgo < 7 * DAY).length,
    servicesWithOpen: new Set(open.map(x => x.affectedServices[0])).size,
    openByService: count(
      x => x.affectedServices[0].replace('component:default/', ''),
      open,
    ),
    byService: count(x =>
      x.affectedServices[0].replace('component:default/', ''),
    ),
    twoServices: incidents.filter(x => x.affectedServices.length > 1).length,
    reopened: incidents.filter(x =>
      x.transitions.some(
        (t, j) =>
          j > 0 &&
          t.status === 'in_progress' &&
          x.transitions[j - 1].status === 'resolved',
      ),
    ).length,
  };
}

const incidents = generate();
// The demo signs in as guest, an SRE: the team's open incidents are theirs,
// so the home page's "my open incidents" has something to show.
for (const incident of incidents) {
  const last = incident.transitions[incident.transitions.length - 1];
  if (
    incident.assignedGroup === groupRef('sre') &&
    OPEN.includes(last?.status ?? 'new')
  ) {
    incident.assignee = userRef('guest');
  }
}
check(incidents);
const s = stats(incidents);
if (s.cells !== 9)
  throw new Error('not every impact × urgency cell is covered');
for (const st of Object.keys(TRANSITIONS))
  if (!s.byStatus[st]) throw new Error(`no incident ends ${st}`);
if (s.servicesWithOpen !== SERVICE_NAMES.length)
  throw new Error('a service has no open incident');
if (s.open < 25) throw new Error('fewer than 25 open incidents');

const out = path.join(__dirname, 'incidents.json');
const json = `${JSON.stringify({ incidents }, null, 1)}\n`;
fs.writeFileSync(out, json);
console.log(
  `Wrote ${incidents.length} incidents (${Math.round(
    json.length / 1024,
  )} KB) to ${path.relative(process.cwd(), out)}`,
);
console.log(JSON.stringify(s, null, 2));
