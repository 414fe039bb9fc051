import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itsmPlugin } from '../../plugin';

export const CAB = 'group:default/cab';

const user = (name: string, groups: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
});

const entities: Entity[] = [
  ...['payments-api', 'ledger'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {},
  })),
  user('mock'),
  user('carol', [CAB]),
  user('dave'),
];

const config = {
  itsm: {
    changes: {
      approvers: { high: ['cab'] },
      freezes: [
        {
          name: 'Year-end freeze',
          from: '2026-12-20T00:00:00Z',
          to: '2027-01-03T00:00:00Z',
        },
      ],
    },
  },
};

/** The itsm backend with CAB approvers, a year-end freeze and a few entities. */
export async function startBackend(features: BackendFeature[] = []) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
      ...features,
    ],
  });
  return server;
}

export const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

export const requestChange = {
  title: 'Upgrade payments database',
  type: 'normal',
  risk: 'high',
  affectedServices: ['payments-api'],
  plannedStart: '2026-12-01T10:00:00Z',
  plannedEnd: '2026-12-01T12:00:00Z',
  implementationPlan: 'pg_upgrade --link',
  backoutPlan: 'Restore the snapshot',
  testPlan: 'Checkout smoke tests',
};
