#!/usr/bin/env node
/*
 * The browser half of scripts/try-install.sh: drives Debian's Chromium
 * through this repo's playwright-core against the fresh app that the script
 * started, signs in as guest, and checks
 *   - the entity page of payments-api shows the ITSM "Incidents" card with
 *     the incident the script reported through the API,
 *   - /itsm shows the ITSM page with that incident.
 *
 *   node check-ui.js <baseUrl> <screenshotDir> <incidentRef>
 *
 * Prints one line per check and the screenshots' paths; exits 1 on failure.
 */
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '../..');
const { chromium } = require(path.join(root, 'node_modules/playwright-core'));

const [baseUrl, shots, incidentRef] = process.argv.slice(2);
if (!baseUrl || !shots || !incidentRef) {
  console.error('usage: check-ui.js <baseUrl> <screenshotDir> <incidentRef>');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const pageErrors = [];
  let failed = 0;
  let step = 'sign-in';
  const page = await browser
    .newContext({ viewport: { width: 1400, height: 1000 } })
    .then(c => c.newPage());
  page.setDefaultTimeout(30_000);
  page.on('pageerror', e => pageErrors.push(String(e.message).split('\n')[0]));

  const check = async (name, fn) => {
    step = name;
    try {
      const shot = await fn();
      console.log(`ok   ${name}${shot ? ` (screenshot: ${shot})` : ''}`);
    } catch (error) {
      failed++;
      console.log(
        `FAIL ${name}\n     ${String(error.message)
          .split('\n')
          .slice(0, 4)
          .join('\n     ')}`,
      );
      const shot = path.join(shots, `failed-${name.replace(/\W+/g, '-')}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.log(`     screenshot: ${shot}`);
    }
  };

  try {
    await check('guest sign-in', async () => {
      await page.goto(baseUrl);
      await page
        .getByRole('button', { name: /enter/i })
        .click({ timeout: 60_000 });
      // The template's landing page is the catalog
      await page.getByText('payments-api').first().waitFor({ timeout: 60_000 });
    });

    await check('entity page shows the ITSM Incidents card', async () => {
      await page.goto(`${baseUrl}/catalog/default/component/payments-api`);
      const card = page
        .getByText('Open incidents of this service')
        .locator('xpath=ancestor::div[contains(@class,"MuiCard-root")]');
      await card.getByText('Incidents', { exact: true }).first().waitFor();
      await card.getByRole('link', { name: incidentRef }).waitFor();
      const shot = path.join(shots, 'entity-page.png');
      await page.screenshot({ path: shot, fullPage: true });
      return shot;
    });

    await check('/itsm page lists the incident', async () => {
      await page.goto(`${baseUrl}/itsm`);
      await page.getByText('Incidents across every service').first().waitFor();
      await page.getByRole('link', { name: incidentRef }).first().waitFor();
      const shot = path.join(shots, 'itsm-page.png');
      await page.screenshot({ path: shot, fullPage: true });
      return shot;
    });
  } catch (error) {
    failed++;
    console.log(`FAIL ${step}: ${error.message}`);
  } finally {
    await browser.close();
  }
  if (pageErrors.length) {
    console.log(
      `     uncaught page errors: ${[...new Set(pageErrors)].join(' | ')}`,
    );
  }
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
