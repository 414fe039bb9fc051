import {
  createServiceFactory,
  BackendFeature,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { itsmPlugin } from '../plugin';

const ref = (kind: string, name: string) =>
  `${kind.toLocaleLowerCase('en-US')}:default/${name}`;

function component(
  name: string,
  owner: string,
  system: string,
  dependsOn: string[],
  dependents: string[],
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner, system },
    relations: [
      { type: 'ownedBy', targetRef: ref('group', owner) },
      { type: 'partOf', targetRef: ref('system', system) },
      ...dependsOn.map(d => ({
        type: 'dependsOn',
        targetRef: ref('component', d),
      })),
      ...dependents.map(d => ({
        type: 'dependencyOf',
        targetRef: ref('component', d),
      })),
    ],
  };
}

function group(name: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: members.map(m => ({
      type: 'hasMember',
      targetRef: ref('user', m),
    })),
  };
}

function user(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: {
        displayName: name.toUpperCase(),
        email: `${name}@example.com`,
      },
    },
  };
}

/**
 * checkout-web → payments-api → ledger (dependsOn); search stands alone.
 * payments-team = alice, bob; checkout-team = dave, bob; management = erin.
 */
export const majorEntities: Entity[] = [
  component('ledger', 'payments-team', 'payments', [], ['payments-api'], {
    'openitsm.io/sla-tier': 'gold',
  }),
  component(
    'payments-api',
    'payments-team',
    'payments',
    ['ledger'],
    ['checkout-web'],
  ),
  component(
    'checkout-web',
    'checkout-team',
    'storefront',
    ['payments-api'],
    [],
  ),
  component('search', 'checkout-team', 'storefront', [], []),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    spec: { owner: 'payments-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'storefront', namespace: 'default', title: 'Storefront' },
    spec: { owner: 'checkout-team' },
  },
  group('payments-team', ['alice', 'bob']),
  group('checkout-team', ['dave', 'bob']),
  group('management', ['erin']),
  ...['alice', 'bob', 'carol', 'dave', 'erin', 'mock'].map(user),
];

/** A notification service that records what it is asked to send. */
export function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  const service: NotificationService = {
    send: async options => {
      sent.push(options);
    },
  };
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => service,
  });
  return { sent, factory };
}

/** The users a recorded send goes to. */
export function recipientsOf(options: NotificationSendOptions): string[] {
  const r = options.recipients;
  if (r.type !== 'entity') return [];
  return ([] as string[]).concat(r.entityRef);
}

/** The itsm backend on `knex`, with that catalog and recorded notifications. */
export async function startMajorBackend(
  knex: Knex,
  extra: BackendFeature[] = [],
) {
  const notifications = recordingNotifications();
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities: majorEntities }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          itsm: {
            majorIncidents: {
              managementGroup: 'management',
              criticalTiers: ['gold'],
            },
          },
        },
      }),
      notifications.factory,
      ...extra,
    ],
  });
  return { server, sent: notifications.sent };
}

export const asUser = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);
