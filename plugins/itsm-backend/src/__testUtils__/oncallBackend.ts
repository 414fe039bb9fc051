import { BackendFeature } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OnCallLayer } from '@openitsm/backstage-plugin-itsm-common';
import { itsmPlugin } from '../plugin';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { owner: 'payments-team', type: 'service' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger',
      namespace: 'default',
      annotations: { 'openitsm.io/oncall-schedule': 'sre-oncall' },
    },
    spec: { owner: 'payments-team', type: 'service' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'paged-elsewhere',
      namespace: 'default',
      annotations: { 'example.com/pager': 'P123' },
    },
    spec: { owner: 'payments-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'sre', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  ...['alice', 'bob', 'ivan'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'openitsm.io/chat': `https://chat.example.com/@${name}`,
        },
      },
      spec: {
        profile: {
          displayName: name.toUpperCase(),
          email: `${name}@example.com`,
        },
      },
    }),
  ),
];

/** A daily layer handing off at 09:00 from 2026-01-01. */
export const layer = (name: string, users: string[]): OnCallLayer => ({
  name,
  users,
  rotation: { type: 'daily' },
  handoffTime: '09:00',
  startDate: '2026-01-01',
});

/** The payments team's schedule: a primary and a secondary layer. */
export const paymentsSchedule = {
  name: 'payments-oncall',
  ownerGroup: 'payments-team',
  timezone: 'Europe/Paris',
  layers: [layer('primary', ['alice', 'bob']), layer('secondary', ['bob'])],
};

/**
 * The itsm backend with a catalog of services (one annotated with its on-call
 * schedule, one paged elsewhere), two teams and three users with contacts.
 */
export async function startBackend(features: BackendFeature[] = []) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities }),
      ...features,
    ],
  });
  return server;
}
