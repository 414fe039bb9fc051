#!/usr/bin/env node
/*
 * The one command that runs every test (`npm test`):
 *   1. makes sure PostgreSQL (required) and MariaDB (when present) are up,
 *   2. type-checks the whole repo and checks the API reports,
 *   3. runs every package's jest tests once (never in watch mode) on SQLite,
 *      PostgreSQL and MySQL,
 *   4. runs the end-to-end browser tests when e2e/ has any,
 *   5. installs the packed plugins into a fresh create-app Backstage and
 *      checks it in Chromium (scripts/try-install.sh, 6–9 minutes;
 *      ITSM_SKIP_TRY_INSTALL=1 skips it),
 * then prints the totals as `N passed, N failed` on a line of its own and
 * fails when anything failed or when no test ran at all.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const env = { ...process.env, CI: 'true' };
const totals = { passed: 0, failed: 0 };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: 'inherit',
    ...options,
  });
  return result.status ?? 1;
}

function step(title) {
  console.log(`\n=== ${title} ===`);
}

step('Databases');
const ensure = spawnSync('bash', [path.join(__dirname, 'ensure-databases.sh')], {
  cwd: root,
  env,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (ensure.status !== 0) {
  console.error('PostgreSQL is required for the tests and could not be started.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
for (const line of ensure.stdout.split('\n')) {
  const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
  if (match) {
    env[match[1]] = match[2];
    console.log(`${match[1]}=${match[2]}`);
  }
}

step('Type check (tsc)');
if (run('npx', ['tsc', '--noEmit']) !== 0) {
  console.error('Type check failed.');
  totals.failed += 1;
}

step('API reports (scripts/api-reports.js --ci)');
if (run('node', [path.join(__dirname, 'api-reports.js'), '--ci']) === 0) {
  totals.passed += 1;
} else {
  console.error(
    'An API report is stale or has warnings: run node scripts/api-reports.js and commit the reports.',
  );
  totals.failed += 1;
}

step('Unit, store and HTTP tests (jest, every package)');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-jest-')), 'report.json');
run('npx', ['backstage-cli', 'repo', 'test', '--json', `--outputFile=${report}`]);
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
  const ranOnPostgres = results.testResults.some(file =>
    file.assertionResults.some(
      test => test.status === 'passed' && test.fullName.includes('POSTGRES_15'),
    ),
  );
  if (!ranOnPostgres) {
    console.error('No test ran on PostgreSQL: the store tests must run there.');
    totals.failed += 1;
  }
  if (results.numTotalTests === 0) {
    console.error('No jest test ran.');
    totals.failed += 1;
  }
} else {
  console.error('jest wrote no report: it did not run.');
  totals.failed += 1;
}

const e2e = path.join(root, 'e2e', 'run.js');
if (fs.existsSync(e2e)) {
  step('End-to-end tests (Chromium)');
  const e2eReport = path.join(path.dirname(report), 'e2e.json');
  const status = run('node', [e2e, `--report=${e2eReport}`]);
  if (fs.existsSync(e2eReport)) {
    const result = JSON.parse(fs.readFileSync(e2eReport, 'utf8'));
    totals.passed += result.passed;
    totals.failed += result.failed;
  } else if (status !== 0) {
    totals.failed += 1;
  }
}

const tryInstall = path.join(__dirname, 'try-install.sh');
if (fs.existsSync(tryInstall) && process.env.ITSM_SKIP_TRY_INSTALL !== '1') {
  step('Install into a fresh Backstage app (scripts/try-install.sh)');
  if (run('bash', [tryInstall]) === 0) totals.passed += 1;
  else totals.failed += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
