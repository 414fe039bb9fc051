import fs from 'node:fs';
import path from 'node:path';
import { kpiValuesOf } from './KpiContributions';
import {
  isoWeekRange,
  shiftIsoWeek,
  WeeklyReview,
  weeklyReviewCsv,
  weeklyReviewMarkdown,
} from './WeeklyReview';

const MIN = 60_000;
const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

// Week 10 of 2026: 4 opened, 2 resolved in 30 and 90 minutes (one after a
// reopen), acknowledged in 5 and 15 minutes; response 3 met 1 breached.
const kpis = kpiValuesOf({
  opened: 4,
  acknowledged: 2,
  ttaSumMs: 20 * MIN,
  tta1: 1,
  tta3: 1,
  resolved: 2,
  ttrSumMs: 120 * MIN,
  ttrActiveSumMs: 100 * MIN,
  ttr3: 1,
  ttr5: 1,
  // In business time: 10 and 25 minutes
  resolvedBusiness: 2,
  ttrBusinessSumMs: 35 * MIN,
  ttrb2: 1,
  ttrb3: 1,
  resolvedReopened: 1,
  responseMet: 3,
  responseBreached: 1,
  resolutionMet: 2,
  causedByChange: 1,
});
const previousKpis = kpiValuesOf({ opened: 1 });

const review: WeeklyReview = {
  week: '2026-W10',
  from: '2026-03-02',
  to: '2026-03-09',
  kpis,
  previousKpis,
  trend: [
    { week: '2026-W09', kpis: previousKpis },
    { week: '2026-W10', kpis },
  ],
  priorityIncidents: [
    {
      ref: 'INC-1042',
      title: 'Card payments failing | acquirer 502',
      priority: 'P1',
      status: 'resolved',
      service: 'component:default/payments-api',
      at: '2026-03-03T09:00:00.000Z',
    },
  ],
  slaBreaches: [
    {
      ref: 'INC-1043',
      title: 'Ledger lag, "eventually" consistent',
      priority: 'P2',
      status: 'in_progress',
      service: 'component:default/ledger',
      at: '2026-03-04T10:00:00.000Z',
      detail: 'response',
    },
  ],
  topServices: [
    { entityRef: 'component:default/payments-api', opened: 3 },
    { entityRef: 'component:default/ledger', opened: 1 },
  ],
  majorIncidents: [
    {
      ref: 'INC-1042',
      title: 'Card payments failing | acquirer 502',
      priority: 'P1',
      status: 'resolved',
      service: 'component:default/payments-api',
      at: '2026-03-03T09:00:00.000Z',
      reviewStatus: 'in_review',
    },
  ],
  openProblems: [
    {
      ref: 'PRB-7',
      title: '=HYPERLINK("x") recurring timeouts',
      status: 'investigating',
      at: '2026-02-01T00:00:00.000Z',
    },
  ],
  failedChanges: [
    {
      ref: 'CHG-12',
      title: 'Upgrade ledger DB',
      service: 'component:default/ledger',
      at: '2026-03-05T18:00:00.000Z',
      detail: 'rolled_back',
    },
  ],
  overdueActionItems: [
    {
      ref: 'ACT-1003',
      title: 'Alert on acquirer 5xx rate',
      status: 'open',
      owner: 'group:default/payments-team',
      incidentRef: 'INC-1042',
      at: '2026-03-06T00:00:00.000Z',
    },
  ],
};

describe('weekly review', () => {
  it('renders Markdown as the fixture', () => {
    expect(weeklyReviewMarkdown(review)).toBe(fixture('weekly-review.md'));
  });

  it('renders CSV as the fixture (quoted fields, no spreadsheet formulas)', () => {
    expect(weeklyReviewCsv(review)).toBe(fixture('weekly-review.csv'));
  });

  it.each([
    ['2026-W10', { from: '2026-03-02', to: '2026-03-09' }],
    ['2026-W01', { from: '2025-12-29', to: '2026-01-05' }],
    ['2026-W53', { from: '2026-12-28', to: '2027-01-04' }],
    ['2025-W53', undefined], // 2025 has 52 weeks
    ['2026-W00', undefined],
    ['2026-10', undefined],
    ['2026-W1', undefined],
  ])('isoWeekRange(%s)', (week, range) => {
    expect(isoWeekRange(week)).toEqual(range);
  });

  it('shifts weeks across years', () => {
    expect(shiftIsoWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftIsoWeek('2026-W10', -11)).toBe('2025-W51');
  });
});
