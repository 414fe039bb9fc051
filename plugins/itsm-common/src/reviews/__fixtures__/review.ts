import { Incident, TimelineEvent } from '../../incidents/types';
import { reviewFactsOf, reviewTimelineOf } from '../reviewFacts';
import { Review } from '../types';

// A published review of a major P1, as the Markdown fixture shows it
export const incident: Incident = {
  id: 'inc-1',
  ref: 'INC-1042',
  title: 'Card payments failing',
  description: 'Acquirer returns 502',
  affectedServices: [
    'component:default/payments-api',
    'component:default/ledger',
  ],
  category: 'availability',
  impact: 'high',
  urgency: 'high',
  priority: 'P1',
  status: 'resolved',
  reporter: 'user:default/alice',
  source: 'portal',
  occurredAt: '2026-11-20T08:50:00.000Z',
  detectedAt: '2026-11-20T09:00:00.000Z',
  acknowledgedAt: '2026-11-20T09:04:00.000Z',
  resolvedAt: '2026-11-20T10:35:00.000Z',
  causedByChangeId: 'chg-1',
  problemId: 'prb-1',
  major: true,
  reopenCount: 0,
  sla: {
    policy: 'default',
    paused: false,
    response: {
      targetMinutes: 15,
      calendar: '24x7',
      dueAt: '2026-11-20T09:15:00.000Z',
      warningAt: '2026-11-20T09:11:15.000Z',
      stoppedAt: '2026-11-20T09:04:00.000Z',
      state: 'met',
    },
    resolution: {
      targetMinutes: 60,
      calendar: '24x7',
      dueAt: '2026-11-20T10:00:00.000Z',
      warningAt: '2026-11-20T09:45:00.000Z',
      state: 'breached',
    },
  },
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T10:35:00.000Z',
  version: 5,
};

const events: TimelineEvent[] = [
  {
    id: '2',
    incidentId: 'inc-1',
    type: 'status_changed',
    actor: 'user:default/bob',
    at: '2026-11-20T09:04:00.000Z',
    message: 'Status new → acknowledged',
  },
  {
    id: '1',
    incidentId: 'inc-1',
    type: 'created',
    actor: 'user:default/alice',
    at: '2026-11-20T09:00:00.000Z',
    message: 'Reported with priority P1 | high impact',
  },
  {
    id: '3',
    incidentId: 'inc-1',
    type: 'status_changed',
    actor: 'user:default/bob',
    at: '2026-11-20T10:35:00.000Z',
    message:
      'Status in_progress → resolved: rolled_back — Rolled back CHG-1007',
  },
];

export const review: Review = {
  id: 'rev-1',
  incidentId: 'inc-1',
  incidentRef: 'INC-1042',
  status: 'published',
  revision: 1,
  sections: {
    summary: 'Card payments failed for 105 minutes after a pool size change.',
    customerImpact: {
      usersAffected: 'About 12,000 checkouts',
      financial: 'EUR 40,000 of delayed payments',
      notes: 'No payment was lost.',
    },
    detection: 'Alertmanager paged on-call 10 minutes after the first errors.',
    trigger: 'CHG-1007 lowered the database pool size.',
    rootCause: 'The pool size is not load-tested before release.',
    fiveWhys: [
      'Payments failed: no database connection was free.',
      'No connection was free: the pool had 5 instead of 50.',
    ],
    contributingFactors: ['The change was standard (no CAB review).'],
    resolution: 'Rolled back CHG-1007.',
    wentWell: 'The rollback took 4 minutes.',
    wentBadly: 'Detection took 10 minutes.',
    lessonsLearned:
      'Pool sizes are capacity changes: review them as normal changes.',
  },
  reviewers: ['group:default/payments-team'],
  approvals: [
    {
      reviewer: 'user:default/carol',
      at: '2026-11-22T14:00:00.000Z',
      comment: 'Good',
    },
  ],
  createdBy: 'user:default/bob',
  createdAt: '2026-11-21T09:00:00.000Z',
  updatedAt: '2026-11-22T15:00:00.000Z',
  publishedAt: '2026-11-22T15:00:00.000Z',
  publishedBy: 'user:default/carol',
  version: 6,
  facts: reviewFactsOf(
    incident,
    { causedByChangeRef: 'CHG-1007', problemRef: 'PRB-1003' },
    '2026-11-29T00:00:00.000Z',
  ),
  timeline: reviewTimelineOf(events),
  actionItems: [
    {
      id: 'a1',
      ref: 'ACT-1001',
      title: 'Load-test pool size changes',
      owner: 'group:default/payments-team',
      dueDate: '2026-11-25',
      status: 'open',
      overdue: true,
      problemRef: 'PRB-1003',
      createdBy: 'user:default/bob',
      createdAt: '2026-11-21T09:00:00.000Z',
      updatedAt: '2026-11-21T09:00:00.000Z',
      version: 1,
    },
    {
      id: 'a2',
      ref: 'ACT-1002',
      title: 'Page on 1% payment errors',
      owner: 'user:default/bob',
      dueDate: '2026-12-05',
      status: 'done',
      overdue: false,
      createdBy: 'user:default/bob',
      createdAt: '2026-11-21T09:00:00.000Z',
      updatedAt: '2026-11-23T09:00:00.000Z',
      version: 2,
    },
  ],
};

