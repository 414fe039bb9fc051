import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Knex } from 'knex';
import { itsmPlugin } from '../plugin';

const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { owner: 'group:default/payments-team' },
});

/** The services the sample alerts of examples/alerts are routed to. */
export const ingestEntities: Entity[] = [
  component('payments-api'),
  component('ledger', { 'openitsm.io/alert-selector': 'job=ledger-writer' }),
  component('fraud-check'),
  component('checkout-web'),
  component('billing-worker'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

/** A sample payload of examples/alerts. */
export const alertFixture = (name: string) =>
  JSON.parse(
    readFileSync(
      resolve(__dirname, '../../../../examples/alerts', name),
      'utf8',
    ),
  );

/** What an external-access token (static or JWKS) authenticates as. */
export const webhookAuth = mockCredentials.service.header();

/**
 * One itsm backend replica on the given database: Alertmanager resolves its
 * unacknowledged incidents, PagerDuty does not.
 */
export async function startIngestBackend(knex?: Knex) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities: ingestEntities }),
      mockServices.rootConfig.factory({
        data: {
          itsm: {
            ingest: {
              reopenWindowMinutes: 60,
              sources: {
                alertmanager: { autoResolve: true },
                grafana: { autoResolve: true },
              },
            },
          },
        },
      }),
      ...(knex ? [mockServices.database.factory({ knex })] : []),
    ],
  });
  return server;
}
