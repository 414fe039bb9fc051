#!/usr/bin/env node
/*
 * End-to-end: starts the demo portal exactly as `npm start` does (app on
 * :3000, backend on :7007, seeded SQLite), then drives Debian's Chromium
 * through playwright-core (never a downloaded browser):
 *   - a service page shows its open incidents and SLA card,
 *   - reporting an incident derives its priority and gives it a ref,
 *   - the incident page moves it through the lifecycle with a timeline,
 *   - the ITSM tab pages through the service's history,
 *   - a service page says who is on call, down to the schedule's shifts,
 *   - a service's open workarounds lead to their problem and its timeline,
 *   - searching a known error's words finds it (and its workaround) and
 *     opens its problem,
 *   - the CAB approves a normal change from the estate's change list, and
 *     the change calendar shows it,
 *   - an Alertmanager alert posted to the backend opens an incident that the
 *     service page shows, with its alert on the incident page,
 *   - a major incident declared on a service others depend on, with a
 *     stakeholder update, is on the status page (its dependents degraded)
 *     and on the service's banner,
 *   - a major incident is refused closing until its review is published
 *     (with an action item), then closes,
 *   - every ITSM page, at 1280 and 1920 px, has its table beside the
 *     sidebar and its refs on one line (layout.js).
 * It waits for the demo data to finish loading before the first test.
 * Writes {passed, failed} to --report and screenshots to e2e/screenshots/.
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { registerLayoutTest } = require('./layout');

const root = path.resolve(__dirname, '..');
const reportArg = process.argv.find(a => a.startsWith('--report='));
const report = reportArg && reportArg.slice('--report='.length);
const shots = path.join(__dirname, 'screenshots');
const portalLog = path.join(shots, 'portal.log');
const APP = 'http://localhost:3000';
const BACKEND = 'http://localhost:7007';

async function waitFor(what, check, timeoutMs, { failFast = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      // not ready yet, unless the check knows it never will be
      if (failFast && !String(error.message).startsWith('ENOENT')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 2000));
  }
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('a service page shows its open incidents and SLA compliance', async page => {
  const card = page
    .locator('text=Open incidents of this service')
    .locator('xpath=ancestor::div[contains(@class,"MuiCard-root")]');
  // The demo seeds its incidents in the background once the catalog is in
  await waitFor(
    'the seeded incidents on the service page',
    async () => {
      await page.goto(`${APP}/catalog/default/component/payments-api`);
      await card
        .getByRole('link', { name: /^INC-\d+$/ })
        .first()
        .waitFor({ timeout: 10_000 });
      return true;
    },
    180_000,
  );
  await page.getByText('SLA compliance').first().waitFor();
  await page.getByLabel('Response compliance').first().waitFor();
  await page.screenshot({
    path: path.join(shots, 'service-overview.png'),
    fullPage: true,
  });
});

let reportedRef;
test('reporting an incident derives its priority and gives it a ref', async page => {
  await page.goto(`${APP}/catalog/default/component/payments-api`);
  await page.getByRole('button', { name: 'Report incident' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill('E2E: card payments failing');
  await dialog
    .getByLabel('Description')
    .fill('Reported by the end-to-end test');
  await dialog.getByRole('button', { name: /^Impact/ }).click();
  await page.getByRole('option', { name: 'high' }).click();
  await dialog.getByRole('button', { name: /^Urgency/ }).click();
  await page.getByRole('option', { name: 'high' }).click();
  await dialog.getByRole('status').getByText('P1').waitFor();
  await dialog.getByRole('button', { name: 'Report' }).click();
  // The form also links similar open incidents: take the ref from the
  // success message, once it is there.
  const success = dialog.getByRole('alert').filter({
    hasText: /created with\s+priority P1/,
  });
  await success.waitFor({ timeout: 30_000 });
  reportedRef = await success
    .getByRole('link', { name: /^INC-\d+$/ })
    .textContent();
  await page.screenshot({ path: path.join(shots, 'reported.png') });
});

test('the incident page moves the incident through its lifecycle', async page => {
  if (!reportedRef) throw new Error('no incident was reported');
  await page.goto(`${APP}/itsm/incidents/${reportedRef}`);
  await page
    .getByRole('heading', {
      name: `${reportedRef}: E2E: card payments failing`,
    })
    .waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByRole('button', { name: 'Start work' }).click();
  await page.getByRole('button', { name: 'Resolve' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Resolution code/ }).click();
  await page.getByRole('option', { name: 'fixed' }).click();
  await dialog
    .getByLabel('Resolution notes')
    .fill('Failed over to the secondary acquirer');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('button', { name: 'Close' }).waitFor();
  await page.getByText('Status acknowledged → in_progress').waitFor();
  await page
    .getByText(/Status in_progress → resolved: fixed — Failed over/)
    .waitFor();
  await page.getByLabel('Add an update').fill('Postmortem scheduled');
  await page.getByRole('button', { name: 'Post' }).click();
  await page.getByText('Postmortem scheduled').waitFor();
  await page.screenshot({
    path: path.join(shots, 'incident.png'),
    fullPage: true,
  });
});

test('the ITSM tab pages through the service history', async page => {
  await page.goto(`${APP}/catalog/default/component/payments-api/itsm`);
  const range = page.getByText(/^1–25 of \d+$/);
  await range.waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText(/^26–\d+ of \d+$/).waitFor();
  await page.screenshot({
    path: path.join(shots, 'history.png'),
    fullPage: true,
  });
});

test('a service page says who is on call, down to the schedule', async page => {
  await page.goto(`${APP}/catalog/default/component/payments-api`);
  const card = page
    .getByText('On call', { exact: true })
    .first()
    .locator('xpath=ancestor::div[contains(@class,"MuiCard-root")]');
  // Seeded payments-team rotation: Alice and Bob take turns each week
  await card
    .getByRole('link', { name: /^(Alice Adams|Bob Brown)$/ })
    .first()
    .waitFor({ timeout: 60_000 });
  await card.getByText(/Until/).first().waitFor();
  await page.screenshot({
    path: path.join(shots, 'oncall-card.png'),
    fullPage: true,
  });
  await card.getByRole('link', { name: 'payments-team-oncall' }).click();
  await page.getByText('On call now').first().waitFor();
  await page.getByText('Upcoming shifts').first().waitFor();
  await page.screenshot({
    path: path.join(shots, 'oncall-schedule.png'),
    fullPage: true,
  });
});

test("a service's open workarounds lead to their problem", async page => {
  await page.goto(`${APP}/catalog/default/component/payments-api`);
  const card = page
    .getByText('Open workarounds', { exact: true })
    .first()
    .locator('xpath=ancestor::div[contains(@class,"MuiCard-root")]');
  await card
    .getByText('Raise the acquirer pool size and restart the pods')
    .first()
    .waitFor({ timeout: 60_000 });
  await page.screenshot({
    path: path.join(shots, 'workarounds-card.png'),
    fullPage: true,
  });
  await page.goto(`${APP}/itsm/problems`);
  await page
    .getByRole('link', { name: /^PRB-\d+$/ })
    .first()
    .waitFor({ timeout: 30_000 });
  await page
    .getByRole('row', { name: /Payments API slows down under peak load/ })
    .getByRole('link', { name: /^PRB-\d+$/ })
    .click();
  await page
    .getByText(/connection pool \(20\) is exhausted/)
    .first()
    .waitFor();
  await page.screenshot({
    path: path.join(shots, 'problem.png'),
    fullPage: true,
  });
});

// The search collators index the seeded records shortly after start (the
// demo's app-config schedules them every half minute)
test("searching a known error's words finds it and opens its problem", async page => {
  const knownError = page.getByRole('link', {
    name: /^PRB-\d+\s*Payments API slows down under peak load$/,
  });
  await waitFor(
    'the known error in the search index',
    async () => {
      await page.goto(
        `${APP}/search?query=${encodeURIComponent('acquirer pool')}`,
      );
      await knownError.first().waitFor({ timeout: 10_000 });
      return true;
    },
    120_000,
  );
  // Its workaround is a result of its own, found by the same words
  await page
    .getByRole('link', {
      name: /^WA-\d+\s*Raise the acquirer pool size and restart the pods$/,
    })
    .first()
    .waitFor();
  await page.getByText('Known error', { exact: true }).first().waitFor();
  await page.screenshot({
    path: path.join(shots, 'search.png'),
    fullPage: true,
  });
  await knownError.first().click();
  await page.waitForURL(/\/itsm\/problems\/PRB-\d+$/);
  await page
    .getByText(/connection pool \(20\) is exhausted/)
    .first()
    .waitFor();
});

test('the CAB approves a change, and the calendar shows changes', async page => {
  await page.goto(`${APP}/itsm/changes`);
  // Seeded: Bob's medium-risk change waits for the CAB (guest is a member)
  await page
    .getByRole('row', { name: /Enable fraud-check model v7/ })
    .getByRole('link', { name: /^CHG-\d+$/ })
    .click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('scheduled', { exact: false }).first().waitFor();
  await page.screenshot({
    path: path.join(shots, 'change.png'),
    fullPage: true,
  });
  await page.goto(`${APP}/catalog/default/component/fraud-check/itsm`);
  await page.getByRole('tab', { name: 'Changes' }).click();
  await page.getByText('Change calendar').first().waitFor();
  // It starts in three days: this month, or the next one near a month's end
  const onCalendar = page
    .getByRole('grid')
    .getByText(/Enable fraud-check model v7/)
    .first();
  try {
    await onCalendar.waitFor({ timeout: 10_000 });
  } catch {
    await page
      .getByRole('group', { name: 'Navigate' })
      .getByRole('button', { name: 'Next' })
      .click();
    await onCalendar.waitFor();
  }
  await page.screenshot({
    path: path.join(shots, 'change-calendar.png'),
    fullPage: true,
  });
});

// Monitoring posts with a Backstage external-access token (ITSM_API_TOKEN)
const E2E_API_TOKEN = `e2e-${process.pid}-${Date.now()}`;

test('an Alertmanager alert opens an incident shown on the service page', async page => {
  const fingerprint = `e2e${Date.now().toString(16)}`;
  const body = JSON.parse(
    fs.readFileSync(
      path.join(root, 'examples/alerts/alertmanager-firing.json'),
      'utf8',
    ),
  );
  body.groupKey = `{}:{alertname="E2eCheckoutDown",run="${fingerprint}"}`;
  body.alerts = [
    {
      ...body.alerts[0],
      labels: {
        alertname: 'E2eCheckoutDown',
        service: 'checkout-web',
        severity: 'critical',
      },
      annotations: {
        summary: 'E2E: checkout-web is down',
        runbook_url: 'https://runbooks.example.org/checkout-web/down',
      },
      fingerprint,
    },
  ];
  const res = await fetch(`${BACKEND}/api/itsm/ingest/alertmanager`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${E2E_API_TOKEN}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const result = await res.json();
  if (res.status !== 202 || result.alerts[0].outcome !== 'created') {
    throw new Error(`ingest: ${res.status} ${JSON.stringify(result)}`);
  }
  const ref = result.alerts[0].incidentRef;
  await page.goto(`${APP}/catalog/default/component/checkout-web`);
  await page
    .locator('text=Open incidents of this service')
    .locator('xpath=ancestor::div[contains(@class,"MuiCard-root")]')
    .getByRole('link', { name: ref })
    .waitFor();
  await page.screenshot({
    path: path.join(shots, 'alert-service.png'),
    fullPage: true,
  });
  await page.goto(`${APP}/itsm/incidents/${ref}`);
  const alerts = page.getByRole('table', { name: 'Alerts' });
  await alerts.getByText('service=checkout-web').waitFor({ timeout: 60_000 });
  await alerts.getByRole('link', { name: /^Runbook/ }).waitFor();
  await page.screenshot({
    path: path.join(shots, 'alert-incident.png'),
    fullPage: true,
  });
});

test('a major incident on a service others depend on reaches the status page and the service banner', async page => {
  // session-store: cart-service and auth-service depend on it (dependsOn)
  await page.goto(`${APP}/catalog/default/component/session-store`);
  await page.getByRole('button', { name: 'Report incident' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill('E2E: sessions lost');
  await dialog.getByLabel('Description').fill('Redis cluster failed over');
  await dialog.getByRole('button', { name: /^Impact/ }).click();
  await page.getByRole('option', { name: 'high' }).click();
  await dialog.getByRole('button', { name: /^Urgency/ }).click();
  await page.getByRole('option', { name: 'high' }).click();
  await dialog.getByRole('button', { name: 'Report' }).click();
  const success = dialog.getByRole('alert').filter({
    hasText: /created with\s+priority P1/,
  });
  await success.waitFor({ timeout: 30_000 });
  const ref = await success
    .getByRole('link', { name: /^INC-\d+$/ })
    .textContent();

  await page.goto(`${APP}/itsm/incidents/${ref}`);
  await page
    .getByText(/Consider declaring a major incident: priority P1/)
    .waitFor({ timeout: 60_000 });
  await page.getByText(/services? depends? on the affected ones/).waitFor();
  await page.getByRole('button', { name: 'Declare major incident' }).click();
  const declare = page.getByRole('dialog');
  await declare.getByLabel(/Reason/).fill('Every customer is signed out');
  await declare.getByRole('button', { name: 'Declare' }).click();
  await page.getByText('MAJOR', { exact: true }).waitFor();
  const form = page.getByRole('form', { name: 'Stakeholder update' });
  await form
    .getByLabel('Update for stakeholders')
    .fill('E2E: customers are signed out; we are restoring sessions.');
  await form.getByLabel('Impact').fill('Everyone has to sign in again');
  await form
    .getByRole('button', { name: /^Send to \d+ subscribers?$/ })
    .click();
  await page
    .getByText('E2E: customers are signed out; we are restoring sessions.')
    .last()
    .waitFor();
  await page.screenshot({
    path: path.join(shots, 'major-incident.png'),
    fullPage: true,
  });

  await page.goto(`${APP}/itsm/status`);
  const services = page.getByRole('table', { name: 'Services' });
  // Only the session-store row names the incident; dependents name the
  // service they depend on
  const row = services
    .getByRole('row')
    .filter({ hasText: 'E2E: sessions lost' });
  await row.getByText('Major outage').waitFor({ timeout: 30_000 });
  await row
    .getByText(/customers are signed out; we are restoring sessions/)
    .waitFor();
  for (const dependent of ['cart-service', 'auth-service']) {
    await services
      .getByRole('row')
      .filter({
        has: page.getByRole('link', { name: dependent, exact: true }),
      })
      .filter({ hasText: 'Possibly degraded' })
      .waitFor();
  }
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.screenshot({
      path: path.join(shots, `status-${width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });

  await page.goto(`${APP}/catalog/default/component/session-store`);
  const banner = page
    .getByRole('alert')
    .filter({ hasText: `Major incident ${ref}` });
  await banner
    .getByText(/customers are signed out; we are restoring sessions/)
    .waitFor({ timeout: 30_000 });
  await page.screenshot({
    path: path.join(shots, 'service-banner.png'),
    fullPage: true,
  });
});

test('a major incident closes once its review is published, with an action item', async page => {
  // Seeded: a major incident still in progress, listed as a review to write
  await page.goto(`${APP}/itsm/reviews`);
  const row = page.getByRole('row', {
    name: /Payments API returning 5xx errors/,
  });
  const ref = await row.getByRole('link', { name: /^INC-\d+$/ }).textContent();
  await page
    .getByText('Session store pods crash-looping after deploy')
    .waitFor();
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.screenshot({
      path: path.join(shots, `reviews-${width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });

  await page.goto(`${APP}/itsm/incidents/${ref}`);
  await page.getByRole('button', { name: 'Resolve' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Resolution code/ }).click();
  await page.getByRole('option', { name: 'rolled back' }).click();
  await dialog.getByLabel('Resolution notes').fill('Rolled back the release');
  await dialog.getByRole('button', { name: 'Resolve' }).click();

  // Refused: the refusal names the review
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page
    .getByText(/closes once its post-incident review is published/)
    .first()
    .waitFor();

  await page.getByRole('button', { name: 'Start the review' }).click();
  await page.locator('#review-summary').fill('Payments API failed with 5xx.');
  await page
    .locator('#review-rootCause')
    .fill('A release exhausted the database pool.');
  await page.locator('#action-item-title').fill('Load-test pool sizes in CI');
  await page.locator('#action-item-owner').fill('group:default/sre');
  await page.locator('#action-item-due').fill('2030-01-31');
  await page.getByRole('button', { name: 'Add action item' }).click();
  await page
    .getByRole('cell', { name: 'Load-test pool sizes in CI' })
    .waitFor();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText(/approved by user:default\/guest/).waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('button', { name: 'Open a new revision' }).waitFor();
  // The page scrolls inside Backstage's content pane: show the review card
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1000 });
    await page
      .getByText('Post-incident review', { exact: true })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `review-${width}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });

  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByText('Status resolved → closed').first().waitFor();
});

// Last: it visits every page the tests above have filled.
registerLayoutTest(test, { app: APP, shots, incidentRef: () => reportedRef });

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const executablePath = execFileSync(
    'bash',
    [path.join(root, 'scripts/ensure-chromium.sh')],
    {
      encoding: 'utf8',
    },
  ).trim();

  console.log('Starting the demo portal (npm start)…');
  const portal = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, BROWSER: 'none', ITSM_API_TOKEN: E2E_API_TOKEN },
    stdio: ['ignore', fs.openSync(portalLog, 'w'), 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  };
  process.on('exit', stop);

  let passed = 0;
  let failed = 0;
  let browser;
  try {
    await waitFor(
      'the backend',
      async () => (await fetch(`${BACKEND}/api/itsm/health`)).ok,
      300_000,
    );
    await waitFor('the app', async () => (await fetch(APP)).ok, 300_000);
    // The demo seeds its records one by one in the background; a test that
    // read them half-loaded would see pages and totals still growing.
    await waitFor(
      'the demo data',
      async () => {
        const log = fs.readFileSync(portalLog, 'utf8');
        if (log.includes('ITSM data loader demo-data failed')) {
          throw new Error(`the demo data failed to load: see ${portalLog}`);
        }
        return log.includes('ITSM data loader demo-data finished');
      },
      300_000,
      { failFast: true },
    );
    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
    });
    // Notification toasts (SLA warnings, overdue action items) slide in at
    // the bottom right whenever the backend's tasks fire, over whatever
    // button sits there (the history's Next): hide them, as nothing here
    // reads them (the notifications are checked by the backend tests).
    await context.addInitScript(() => {
      const hide = () => {
        const style = document.createElement('style');
        style.textContent =
          '.notistack-SnackbarContainer { display: none !important; }';
        document.head.appendChild(style);
      };
      if (document.head) hide();
      else document.addEventListener('DOMContentLoaded', hide);
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    // Guest sign-in
    await page.goto(APP);
    await page
      .getByRole('button', { name: /enter/i })
      .click({ timeout: 120_000 });
    await page.getByText('Catalog').first().waitFor();
    for (const { name, fn } of tests) {
      try {
        await fn(page);
        passed++;
        console.log(`✓ ${name}`);
      } catch (error) {
        failed++;
        console.log(
          `✕ ${name}\n  ${String(error.message)
            .split('\n')
            .slice(0, 12)
            .join('\n  ')}`,
        );
        await page
          .screenshot({
            path: path.join(shots, `failed-${passed + failed}.png`),
            fullPage: true,
          })
          .catch(() => {});
      }
    }
  } catch (error) {
    failed++;
    console.log(`✕ setup: ${error.message}`);
  } finally {
    await browser?.close();
    stop();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  if (report) fs.writeFileSync(report, JSON.stringify({ passed, failed }));
  process.exit(failed ? 1 : 0);
}

main();
