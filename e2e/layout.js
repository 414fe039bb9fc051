/*
 * Layout checks for the end-to-end suite: every ITSM page, at the widths
 * people use, has its main table beside the sidebar (not pushed into a side
 * column) and no record ref (INC-…, PRB-…, CHG-…) wrapped over lines. Each
 * page's screenshot lands in e2e/screenshots/layout-<page>-<width>.png.
 */
const path = require('node:path');

const WIDTHS = [1280, 1920];

/** Pages to check: `table` when the page's main content is a table. */
function layoutPages({ incidentRef }) {
  return [
    {
      name: 'home',
      path: '/home',
      ready: page => page.getByRole('list', { name: 'My open incidents' }),
    },
    {
      name: 'service-overview',
      path: '/catalog/default/component/payments-api',
      ready: page => page.getByText('Open incidents of this service').first(),
    },
    {
      name: 'service-itsm-tab',
      path: '/catalog/default/component/payments-api/itsm',
      ready: page => page.getByText(/^1–25 of \d+$/),
      table: true,
    },
    {
      name: 'itsm-incidents',
      path: '/itsm',
      ready: page => page.getByText(/^1–25 of \d+$/),
      table: true,
    },
    {
      name: 'itsm-problems',
      path: '/itsm/problems',
      ready: page => page.getByRole('link', { name: /^PRB-\d+$/ }).first(),
      table: true,
    },
    {
      name: 'itsm-changes',
      path: '/itsm/changes',
      ready: page => page.getByRole('link', { name: /^CHG-\d+$/ }).first(),
      table: true,
    },
    {
      name: 'itsm-reviews',
      path: '/itsm/reviews',
      ready: page => page.getByRole('link', { name: /^INC-\d+$/ }).first(),
      table: true,
    },
    {
      name: 'itsm-oncall',
      path: '/itsm/oncall',
      ready: page =>
        page.getByRole('link', { name: 'payments-team-oncall' }).first(),
      table: true,
    },
    {
      name: 'search',
      path: '/search?query=acquirer%20pool',
      ready: page =>
        page.getByRole('link', { name: /Payments API slows down/ }).first(),
    },
    {
      name: 'itsm-reports',
      path: '/itsm/reports',
      ready: page => page.getByText('Key figures').first(),
    },
    {
      name: 'itsm-weekly-review',
      path: '/itsm/reports/weekly',
      ready: page => page.getByText('KPIs against the previous week').first(),
    },
    {
      name: 'group-page',
      path: '/catalog/default/group/payments-team',
      ready: page => page.getByText('Incident KPIs').first(),
    },
    ...(incidentRef
      ? [
          {
            name: 'incident',
            path: `/itsm/incidents/${incidentRef}`,
            ready: page => page.getByText('Timeline').first(),
          },
        ]
      : []),
  ];
}

/** Where the main table starts and which refs wrap, measured in the page. */
function measure(page) {
  return page.evaluate(() => {
    const nav = document.querySelector('nav');
    const navRight = nav ? nav.getBoundingClientRect().right : 0;
    const main = document.querySelector('main') ?? document.body;
    // The page's main table: the one with the most rows (a tab may have
    // small tables in cards above it)
    const table = [...main.querySelectorAll('table')].sort(
      (a, b) => b.rows.length - a.rows.length,
    )[0];
    const wrapped = [...main.querySelectorAll('a')]
      .filter(a => /^(INC|PRB|CHG|ACT)-[\w-]+$/.test(a.textContent.trim()))
      .filter(a => {
        const fontSize = parseFloat(getComputedStyle(a).fontSize);
        const rects = a.getClientRects();
        return (
          rects.length > 1 ||
          (rects.length === 1 && rects[0].height > fontSize * 2)
        );
      })
      .map(a => a.textContent.trim());
    return {
      navRight,
      tableLeft: table ? table.getBoundingClientRect().left : undefined,
      tableWidth: table ? table.getBoundingClientRect().width : undefined,
      // A table wider than the page (cut off on the right)
      overflow: table
        ? Math.round(
            table.getBoundingClientRect().right -
              main.getBoundingClientRect().right,
          )
        : 0,
      // Cells squeezed to a sliver (a column wrapping letter by letter)
      slivers: table
        ? [...table.querySelectorAll('td')].filter(
            td =>
              td.textContent.trim().length > 3 &&
              td.getBoundingClientRect().width < 40,
          ).length
        : 0,
      mainWidth: main.getBoundingClientRect().width,
      wrapped,
    };
  });
}

/** Registers the layout test after the others (it reads what they made). */
function registerLayoutTest(test, { app, shots, incidentRef }) {
  test('every ITSM page lays out beside the sidebar, refs on one line', async page => {
    const problems = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      for (const spec of layoutPages({ incidentRef: incidentRef() })) {
        await page.goto(`${app}${spec.path}`);
        await spec.ready(page).waitFor({ timeout: 60_000 });
        const m = await measure(page);
        if (spec.table) {
          if (m.tableLeft === undefined) {
            problems.push(`${spec.name} @${width}: no table`);
          } else if (m.tableLeft - m.navRight > 120) {
            problems.push(
              `${spec.name} @${width}: the table starts ${Math.round(
                m.tableLeft - m.navRight,
              )} px right of the sidebar`,
            );
          } else if (m.tableWidth < m.mainWidth * 0.6) {
            problems.push(
              `${spec.name} @${width}: the table fills ${Math.round(
                (100 * m.tableWidth) / m.mainWidth,
              )} % of the page's width`,
            );
          }
        }
        if (spec.table && m.overflow > 2) {
          problems.push(
            `${spec.name} @${width}: the table runs ${m.overflow} px past the page`,
          );
        }
        if (spec.table && m.slivers) {
          problems.push(
            `${spec.name} @${width}: ${m.slivers} cells squeezed under 40 px`,
          );
        }
        if (m.wrapped.length) {
          problems.push(
            `${spec.name} @${width}: refs wrap: ${m.wrapped
              .slice(0, 5)
              .join(', ')}`,
          );
        }
        await page.screenshot({
          path: path.join(shots, `layout-${spec.name}-${width}.png`),
          fullPage: true,
        });
      }
    }
    // The dark theme: the same pages must read in it, too
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.setViewportSize({ width: 1280, height: 1000 });
    for (const spec of layoutPages({ incidentRef: incidentRef() })) {
      if (
        !['itsm-incidents', 'incident', 'service-overview'].includes(spec.name)
      )
        continue;
      await page.goto(`${app}${spec.path}`);
      await spec.ready(page).waitFor({ timeout: 60_000 });
      await page.screenshot({
        path: path.join(shots, `layout-${spec.name}-dark.png`),
        fullPage: true,
      });
    }
    await page.evaluate(() => localStorage.removeItem('theme'));
    await page.setViewportSize({ width: 1400, height: 1000 });
    if (problems.length) throw new Error(problems.join('\n'));
  });
}

module.exports = { registerLayoutTest };
