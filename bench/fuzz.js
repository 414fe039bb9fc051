#!/usr/bin/env node
/*
 * The long version of the fuzz test (plugins/itsm-backend/src/fuzz): every
 * write and list route of the spec, FUZZ_RUNS requests each (10,000 unless
 * given), then a table of requests, status classes and records written
 * behind a 4xx per route.
 *
 *   node bench/fuzz.js              # 10,000 runs per route
 *   FUZZ_RUNS=1000 node bench/fuzz.js
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const report = path.join(os.tmpdir(), `itsm-fuzz-${process.pid}.json`);
const runs = process.env.FUZZ_RUNS ?? '10000';

const result = spawnSync(
  'npx',
  ['backstage-cli', 'repo', 'test', 'plugins/itsm-backend/src/fuzz'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CI: 'true', FUZZ_RUNS: runs, FUZZ_REPORT: report },
  },
);

if (!fs.existsSync(report)) {
  console.error('fuzz: the test wrote no report');
  process.exit(result.status || 1);
}
const tallies = JSON.parse(fs.readFileSync(report, 'utf8'));
fs.rmSync(report);

const columns = ['requests', '2xx', '4xx', '5xx', 'writtenBehind4xx'];
const rows = Object.entries(tallies).map(([route, t]) => [
  route,
  ...columns.map(c => t[c]),
]);
const total = [
  'total',
  ...columns.map(c =>
    rows.reduce((sum, r) => sum + r[columns.indexOf(c) + 1], 0),
  ),
];
const header = [
  'route',
  ...columns.map(c => (c === 'writtenBehind4xx' ? 'written behind 4xx' : c)),
];
const all = [header, ...rows, total];
const widths = header.map((_, i) =>
  Math.max(...all.map(r => String(r[i]).length)),
);
const line = r =>
  r
    .map((v, i) =>
      i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]),
    )
    .join('  ');
console.log(`\nfuzz: ${runs} runs per route\n`);
console.log(line(header));
console.log(widths.map(w => '-'.repeat(w)).join('  '));
rows.forEach(r => console.log(line(r)));
console.log(widths.map(w => '-'.repeat(w)).join('  '));
console.log(line(total));
const known = {};
for (const t of Object.values(tallies)) {
  for (const [issue, n] of Object.entries(t.known5xx ?? {}))
    known[issue] = (known[issue] ?? 0) + n;
}
for (const [issue, n] of Object.entries(known)) {
  console.log(`allowed (KNOWN_5XX): ${n} × ${issue}`);
}
process.exit(result.status ?? 1);
