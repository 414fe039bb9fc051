#!/usr/bin/env node
/*
 * The frontend budget: builds the demo app and prints the gzipped size of
 * every chunk that carries ITSM code (found by strings only the plugin has),
 * and of the chunks only ITSM views pull in (recharts).
 *
 *   node bench/frontend-size.js [--no-build]
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const app = path.resolve(__dirname, '../packages/app');
if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['backstage-cli', 'package', 'build'], { cwd: app, stdio: 'inherit' });
}
const dir = path.join(app, 'dist/static');
const MARKERS = [
  'plugin.itsm.service',
  'Open incidents of this service',
  'itsm-report-title',
  'Resolution notes',
  'SLA compliance',
];
const rows = [];
for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.js'))) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const itsm = MARKERS.some(m => text.includes(m));
  const charts = text.includes('recharts-responsive-container');
  if (itsm || charts) {
    rows.push({
      chunk: file,
      holds: itsm ? 'ITSM plugin code' : 'recharts (SLA card only)',
      'gzip KB': Math.round(zlib.gzipSync(text).length / 102.4) / 10,
      lazy: !file.startsWith('main.'),
    });
  }
}
console.table(rows);
const lazy = rows.filter(r => r.lazy).reduce((a, r) => a + r['gzip KB'], 0);
console.log(`Lazy-loaded ITSM total: ${lazy.toFixed(1)} KB gzipped (budget 250 KB)`);
