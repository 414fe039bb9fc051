import { Entity } from '@backstage/catalog-model';
import {
  ActionItem,
  Incident,
  Review,
  Problem,
  StoredOnCallSchedule,
  Workaround,
} from '@openitsm/backstage-plugin-itsm-common';

export const BASE_URL = 'http://localhost:7007/api/itsm';

export const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'openitsm.io/sla-tier': 'gold' },
  },
  spec: { type: 'service', owner: 'group:default/payments-team' },
};

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    ref: 'INC-1042',
    title: 'Card payments failing',
    description: 'Acquirer returns 502',
    affectedServices: ['component:default/payments-api'],
    category: 'availability',
    impact: 'high',
    urgency: 'high',
    priority: 'P1',
    status: 'new',
    reporter: 'user:default/alice',
    source: 'portal',
    detectedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    major: false,
    reopenCount: 0,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function schedule(
  overrides: Partial<StoredOnCallSchedule> = {},
): StoredOnCallSchedule {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    name: 'payments-primary',
    ownerGroup: 'group:default/payments-team',
    timezone: 'Europe/Paris',
    layers: [
      {
        name: 'primary',
        users: ['user:default/alice', 'user:default/bob'],
        rotation: { type: 'weekly' },
        handoffTime: '09:00',
        handoffWeekday: 1,
        startDate: '2026-01-05',
      },
    ],
    overrides: [],
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function workaround(overrides: Partial<Workaround> = {}): Workaround {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    ref: 'WA-1001',
    problemId: '22222222-2222-4222-8222-222222222222',
    problemRef: 'PRB-1001',
    problemStatus: 'known_error',
    title: 'Fail over to the secondary acquirer',
    steps: '1. Open the payments console\n2. Switch to **secondary**',
    affectedServices: ['component:default/payments-api'],
    status: 'active',
    useCount: 3,
    createdBy: 'user:default/alice',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function problem(overrides: Partial<Problem> = {}): Problem {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    ref: 'PRB-1001',
    title: 'Acquirer timeouts',
    description: 'Card payments time out at the acquirer under load',
    status: 'investigating',
    affectedServices: ['component:default/payments-api'],
    addedServices: [],
    fixChanges: [],
    ownerGroup: 'group:default/payments-team',
    createdBy: 'user:default/alice',
    incidentCount: 2,
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-10T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function change(
  overrides: Partial<
    import('@openitsm/backstage-plugin-itsm-common').ChangeDetails
  > = {},
): import('@openitsm/backstage-plugin-itsm-common').ChangeDetails {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    ref: 'CHG-1001',
    title: 'Upgrade payments database',
    description: 'PostgreSQL 15 → 16',
    type: 'normal',
    risk: 'high',
    status: 'authorize',
    affectedServices: ['component:default/payments-api'],
    requester: 'user:default/alice',
    plannedStart: '2026-12-08T10:00:00.000Z',
    plannedEnd: '2026-12-08T12:00:00.000Z',
    implementationPlan: 'pg_upgrade --link',
    backoutPlan: 'Restore the snapshot',
    testPlan: 'Checkout smoke tests',
    approvalRound: 1,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 3,
    approvals: [],
    approval: {
      state: 'pending',
      missingGroups: ['group:default/cab'],
      missing: 1,
    },
    requiredApprovers: ['group:default/cab'],
    conflicts: [],
    causedIncidents: [],
    ...overrides,
  };
}

export function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'a1',
    ref: 'ACT-1001',
    title: 'Alert on pool saturation',
    owner: 'group:default/payments-team',
    dueDate: '2026-11-25',
    status: 'open',
    overdue: true,
    incidentId: '11111111-1111-4111-8111-111111111111',
    incidentRef: 'INC-1042',
    createdBy: 'user:default/bob',
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function review(overrides: Partial<Review> = {}): Review {
  return {
    id: 'r1',
    incidentId: '11111111-1111-4111-8111-111111111111',
    incidentRef: 'INC-1042',
    status: 'draft',
    revision: 1,
    sections: { summary: 'Card payments failed', rootCause: 'Pool exhausted' },
    reviewers: ['group:default/payments-team'],
    approvals: [],
    createdBy: 'user:default/bob',
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
    version: 3,
    facts: {
      incidentRef: 'INC-1042',
      title: 'Card payments failing',
      priority: 'P1',
      major: true,
      incidentStatus: 'resolved',
      affectedServices: ['component:default/payments-api'],
      detectedAt: '2026-11-20T09:00:00.000Z',
      resolvedAt: '2026-11-20T10:35:00.000Z',
      durationMinutes: 95,
      timeToAcknowledgeMinutes: 4,
      timeToResolveMinutes: 95,
      slaResponse: 'met',
      slaResolution: 'breached',
      causedByChangeRef: 'CHG-1007',
    },
    timeline: [
      {
        at: '2026-11-20T09:00:00.000Z',
        actor: 'user:default/alice',
        type: 'created',
        message: 'Reported with priority P1',
      },
    ],
    actionItems: [actionItem()],
    ...overrides,
  };
}
