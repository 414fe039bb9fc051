import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itsmPlugin } from '../plugin';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

/** The catalog the incident tests report against; gold-api has the gold SLA tier. */
export const entities = [
  {
    ...entity('Component', 'gold-api'),
    metadata: {
      name: 'gold-api',
      namespace: 'default',
      annotations: { 'openitsm.io/sla-tier': 'gold' },
    },
  },
  entity('Component', 'payments-api'),
  entity('Component', 'ledger'),
  entity('User', 'bob'),
  entity('Group', 'payments-team'),
];

/** The itsm backend on that catalog, with a fixed permission result if given. */
export async function startBackend(
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities }),
      ...(permission
        ? [mockServices.permissions.factory({ result: permission })]
        : []),
    ],
  });
  return server;
}

/** A P2 incident (high impact, medium urgency) on two services. */
export const report = {
  title: 'Card payments failing',
  description: 'Acquirer returns 502',
  affectedServices: ['component:default/payments-api', 'ledger'],
  category: 'availability',
  impact: 'high',
  urgency: 'medium',
};
