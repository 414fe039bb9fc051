import { DateTime } from 'luxon';
import type { components } from '../schema/openapi.generated';
import type { KpiValues } from './KpiContributions';

/** @public */
export type WeeklyReview = components['schemas']['WeeklyReview'];
/** @public */
export type WeeklyReviewItem = components['schemas']['WeeklyReviewItem'];

const WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

/**
 * The UTC days [from, to) of an ISO week `YYYY-Www`, Monday to next Monday;
 * undefined when it is not one (W53 of a 52-week year included).
 *
 * @public
 */
export function isoWeekRange(
  week: string,
): { from: string; to: string } | undefined {
  if (!WEEK.test(week)) return undefined;
  const monday = DateTime.fromISO(week, { zone: 'utc' });
  if (!monday.isValid || monday.toFormat("kkkk-'W'WW") !== week) {
    return undefined;
  }
  return {
    from: monday.toISODate()!,
    to: monday.plus({ weeks: 1 }).toISODate()!,
  };
}

/** The ISO week `weeks` weeks after (or before, if negative) `week`. @public */
export function shiftIsoWeek(week: string, weeks: number): string {
  return DateTime.fromISO(week, { zone: 'utc' })
    .plus({ weeks })
    .toFormat("kkkk-'W'WW");
}

const minutes = (ms: number | null) =>
  ms === null ? '–' : `${Math.round(ms / 60_000)} min`;
const percent = (ratio: number | null) =>
  ratio === null ? '–' : `${Math.round(ratio * 1000) / 10} %`;

/** The KPI lines of a review: name, this week, previous week. */
function kpiLines(
  kpis: KpiValues,
  previous: KpiValues,
): Array<[string, string, string]> {
  const line = (
    name: string,
    f: (k: KpiValues) => string,
  ): [string, string, string] => [name, f(kpis), f(previous)];
  return [
    line('Opened', k => String(k.opened)),
    line('Resolved', k => String(k.resolved)),
    line('MTTA (mean)', k => minutes(k.mtta.meanMs)),
    line('MTTA (median)', k => minutes(k.mtta.medianMs)),
    line('MTTR (mean)', k => minutes(k.mttr.meanMs)),
    line('MTTR (median)', k => minutes(k.mttr.medianMs)),
    line('MTTR (p90)', k => minutes(k.mttr.p90Ms)),
    line('MTTR business time (median)', k => minutes(k.mttrBusiness.medianMs)),
    line('Reopen rate', k => percent(k.reopenRate)),
    line('Resolved by workaround', k => percent(k.workaroundShare)),
    line('Caused by changes', k => percent(k.causedByChangeShare)),
    line('SLA response compliance', k => percent(k.slaResponse.compliance)),
    line('SLA resolution compliance', k => percent(k.slaResolution.compliance)),
  ];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A major incident's review status as the review reads it. */
function reviewStatusText(status: WeeklyReviewItem['reviewStatus']): string {
  if (!status || status === 'none') return 'not started';
  return status.replace(/_/g, ' ');
}

function itemTable(items: WeeklyReviewItem[], empty: string): string[] {
  if (!items.length) return [`_${empty}_`];
  return [
    '| Ref | Title | Priority | Status | Service | When | Detail |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...items.map(
      i =>
        `| ${[
          i.ref,
          i.title,
          i.priority ?? '',
          i.status ?? '',
          i.service ?? '',
          i.at ?? '',
          i.detail ?? '',
        ]
          .map(cell)
          .join(' | ')} |`,
    ),
  ];
}

/** The review as Markdown, for the meeting's notes. @public */
export function weeklyReviewMarkdown(review: WeeklyReview): string {
  const lines = [
    `# Weekly incident review ${review.week}`,
    '',
    `${review.from} to ${review.to} (exclusive), UTC.`,
    '',
    '## KPIs',
    '',
    '| KPI | This week | Previous week |',
    '| --- | --- | --- |',
    ...kpiLines(review.kpis, review.previousKpis).map(
      ([name, now, before]) => `| ${name} | ${now} | ${before} |`,
    ),
    '',
    '## Trend (12 weeks)',
    '',
    '| Week | Opened | Resolved | MTTR (median) | SLA resolution |',
    '| --- | --- | --- | --- | --- |',
    ...review.trend.map(
      t =>
        `| ${t.week} | ${t.kpis.opened} | ${t.kpis.resolved} | ${minutes(
          t.kpis.mttr.medianMs,
        )} | ${percent(t.kpis.slaResolution.compliance)} |`,
    ),
    '',
    '## P1 and P2 incidents',
    '',
    ...itemTable(review.priorityIncidents, 'None.'),
    '',
    '## SLA breaches',
    '',
    ...itemTable(review.slaBreaches, 'None.'),
    '',
    '## Top services',
    '',
    ...(review.topServices.length
      ? [
          '| Service | Incidents |',
          '| --- | --- |',
          ...review.topServices.map(
            s => `| ${cell(s.entityRef)} | ${s.opened} |`,
          ),
        ]
      : ['_None._']),
    '',
    '## Major incidents',
    '',
    ...(review.majorIncidents.length
      ? [
          '| Ref | Title | Priority | Status | Service | Detected | Review |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          ...review.majorIncidents.map(
            i =>
              `| ${[
                i.ref,
                i.title,
                i.priority ?? '',
                i.status ?? '',
                i.service ?? '',
                i.at ?? '',
                reviewStatusText(i.reviewStatus),
              ]
                .map(cell)
                .join(' | ')} |`,
          ),
        ]
      : ['_None._']),
    '',
    '## Open problems',
    '',
    ...itemTable(review.openProblems, 'None.'),
    '',
    '## Failed changes',
    '',
    ...itemTable(review.failedChanges, 'None.'),
    '',
    '## Overdue action items',
    '',
    ...(review.overdueActionItems.length
      ? [
          '| Ref | Title | Owner | Incident | Status | Due |',
          '| --- | --- | --- | --- | --- | --- |',
          ...review.overdueActionItems.map(
            a =>
              `| ${[
                a.ref,
                a.title,
                a.owner ?? '',
                a.incidentRef ?? '',
                a.status ?? '',
                (a.at ?? '').slice(0, 10),
              ]
                .map(cell)
                .join(' | ')} |`,
          ),
        ]
      : ['_None._']),
    '',
  ];
  return lines.join('\n');
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function csvField(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The review as CSV, one row per KPI and per listed record:
 * `section,item,title,value,previous` (value: a major incident's review
 * status, an overdue action item's due day).
 *
 * @public
 */
export function weeklyReviewCsv(review: WeeklyReview): string {
  const rows: Array<Array<string | number>> = [
    ['section', 'item', 'title', 'value', 'previous'],
    ...kpiLines(review.kpis, review.previousKpis).map(([name, now, before]) => [
      'kpi',
      name,
      '',
      now,
      before,
    ]),
    ...review.trend.map(t => ['trend', t.week, 'opened', t.kpis.opened, '']),
  ];
  const sections: Array<[string, WeeklyReviewItem[]]> = [
    ['p1_p2', review.priorityIncidents],
    ['sla_breach', review.slaBreaches],
    ['major', review.majorIncidents],
    ['open_problem', review.openProblems],
    ['failed_change', review.failedChanges],
  ];
  for (const s of review.topServices) {
    rows.push(['top_service', s.entityRef, '', s.opened, '']);
  }
  for (const [section, items] of sections) {
    for (const i of items) {
      const value =
        section === 'major'
          ? reviewStatusText(i.reviewStatus)
          : i.detail ?? i.priority ?? '';
      rows.push([section, i.ref, i.title, value, '']);
    }
  }
  for (const a of review.overdueActionItems) {
    rows.push([
      'overdue_action_item',
      a.ref,
      a.title,
      (a.at ?? '').slice(0, 10),
      '',
    ]);
  }
  return `${rows.map(r => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
