import { Entity } from '@backstage/catalog-model';
import { configApiRef, identityApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ItsmClient } from '@openitsm/backstage-plugin-itsm-common';
import { ReactElement } from 'react';
import { itsmApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { BASE_URL } from './fixtures';

/**
 * Renders with a real ItsmClient talking to msw, a catalog mock with a few
 * entities, and the ITSM page mounted at /itsm.
 */
export function renderWithApis(
  element: ReactElement,
  options: {
    entity?: Entity;
    config?: object;
    routeEntries?: string[];
    /** Permission names the user is denied; every other one is allowed. */
    denied?: string[];
    /** The signed-in user (the test app's guest by default). */
    identity?: { userEntityRef: string; ownershipEntityRefs: string[] };
  } = {},
) {
  const client = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (...args) => fetch(...args) },
  });
  const catalog = catalogApiMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments-api', namespace: 'default' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'ledger', namespace: 'default' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'bob', namespace: 'default' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'payments-team', namespace: 'default' },
      },
    ],
  });
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, client],
        [catalogApiRef, catalog],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
        // Only when asked: otherwise the test app's own signed-in guest
        ...(options.identity
          ? [[identityApiRef, mockApis.identity(options.identity)] as const]
          : []),
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              options.denied?.includes(request.permission.name)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          }),
        ],
      ]}
    >
      {content}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/itsm': rootRouteRef,
        // Estate-wide lists link services to their catalog pages
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
}
