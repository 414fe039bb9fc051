#!/usr/bin/env node
/*
 * API reports of the publishable packages (plugins/*): report.api.md, and
 * report-<entry>.api.md per extra entry point (e.g. report-alpha.api.md).
 *
 *   node scripts/api-reports.js        regenerate them after an API change
 *   node scripts/api-reports.js --ci   fail when one is stale, missing or
 *                                      has warnings (nothing is written)
 *
 * Any other argument goes to `backstage-repo-tools api-reports`, e.g.
 * `--allow-warnings plugins/itsm`.
 *
 * `backstage-repo-tools api-reports --tsc` would compile with `yarn tsc`,
 * which this npm repository does not have, so the declarations it reads
 * (dist-types/<package>/src/*.d.ts) are emitted here first, from the root
 * tsconfig, non-incrementally: dist-types/tsconfig.tsbuildinfo belongs to
 * `npm run tsc` and may say "up to date" for outputs that are gone.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = name => path.join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

console.log('# Emitting declarations into dist-types');
for (const dir of ['packages', 'plugins']) {
  fs.rmSync(path.join(root, 'dist-types', dir), {
    recursive: true,
    force: true,
  });
}
run(bin('tsc'), ['--project', 'tsconfig.json', '--incremental', 'false']);

run(bin('backstage-repo-tools'), [
  'api-reports',
  '--include',
  'plugins/*',
  // Backstage's own settings: undocumented members and .d.ts inputs are
  // not report warnings; release tags must match the entry point.
  '--omit-messages',
  'ae-wrong-input-file-type,ae-undocumented',
  '--validate-release-tags',
  ...args,
]);
