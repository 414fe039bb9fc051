import {
  MajorIncident,
  StatusResponse,
} from '@openitsm/backstage-plugin-itsm-common';

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

/** The major side of the fixture incident (INC-1042), declared. */
export function majorView(
  overrides: Partial<MajorIncident> = {},
): MajorIncident {
  return {
    incidentId: '11111111-1111-4111-8111-111111111111',
    ref: 'INC-1042',
    major: true,
    declaredAt: minutesAgo(40),
    declaredBy: 'user:default/judy',
    reason: 'All card payments fail',
    bridgeUrl: 'https://meet.example.com/inc-1042',
    cadenceMinutes: 30,
    lastUpdateAt: minutesAgo(10),
    nextUpdateDueAt: new Date(Date.now() + 20 * 60_000).toISOString(),
    roles: [
      {
        role: 'commander',
        userRef: 'user:default/judy',
        displayName: 'Judy Jones',
        email: 'judy@example.com',
      },
      {
        role: 'communications',
        userRef: 'user:default/grace',
        displayName: 'Grace Green',
        email: 'grace@example.com',
      },
    ],
    availableRoles: ['commander', 'communications', 'scribe'],
    subscribers: [
      {
        ref: 'group:default/payments-team',
        source: 'owner',
        displayName: 'Payments',
        createdAt: minutesAgo(40),
      },
      {
        ref: 'group:default/leadership',
        source: 'management',
        displayName: 'Engineering leadership',
        createdAt: minutesAgo(40),
      },
    ],
    updates: [
      {
        id: '7',
        incidentId: '11111111-1111-4111-8111-111111111111',
        message: 'We found the cause and are failing over.',
        stage: 'identified',
        impact: 'Card payments fail',
        actor: 'user:default/grace',
        at: minutesAgo(10),
        recipientCount: 6,
      },
    ],
    blastRadius: {
      depth: 3,
      services: [
        {
          entityRef: 'component:default/checkout-web',
          title: 'checkout-web',
          depth: 1,
          via: 'component:default/payments-api',
          system: 'system:default/storefront',
        },
      ],
      systems: ['system:default/storefront'],
    },
    proposal: { proposed: false, reasons: [] },
    ...overrides,
  };
}

/** payments-api down (major), checkout-web degraded, ledger fine. */
export function statusResponse(): StatusResponse {
  return {
    generatedAt: new Date().toISOString(),
    services: [
      {
        entityRef: 'component:default/payments-api',
        title: 'payments-api',
        system: 'system:default/payments',
        state: 'major_outage',
        incidents: [
          {
            ref: 'INC-1042',
            title: 'Card payments failing',
            priority: 'P1',
            status: 'in_progress',
            major: true,
            detectedAt: minutesAgo(50),
            latestUpdate: {
              message: 'We found the cause and are failing over.',
              stage: 'identified',
              impact: 'Card payments fail',
              at: minutesAgo(10),
            },
          },
        ],
        impactedBy: [],
      },
      {
        entityRef: 'component:default/checkout-web',
        title: 'checkout-web',
        system: 'system:default/storefront',
        state: 'degraded',
        incidents: [],
        impactedBy: ['component:default/payments-api'],
      },
      {
        entityRef: 'component:default/ledger',
        title: 'ledger',
        system: 'system:default/payments',
        state: 'operational',
        incidents: [],
        impactedBy: [],
      },
    ],
    systems: [
      {
        entityRef: 'system:default/payments',
        title: 'Payments',
        state: 'major_outage',
        serviceCount: 2,
        affectedCount: 1,
      },
      {
        entityRef: 'system:default/storefront',
        title: 'Storefront',
        state: 'degraded',
        serviceCount: 1,
        affectedCount: 1,
      },
    ],
    operationalCount: 1,
  };
}
