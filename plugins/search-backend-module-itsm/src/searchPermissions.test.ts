import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import searchPlugin from '@backstage/plugin-search-backend';
// The tests run the collators against the ITSM backend itself
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import itsmPlugin from '@openitsm/backstage-plugin-itsm-backend';
import { searchModuleItsmCollator } from './module';

jest.setTimeout(60_000);

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const payments = 'component:default/payments-api';
const ledger = 'component:default/ledger';

/** The search plugin's scheduler, to index now rather than on schedule. */
function searchSchedulerSpy() {
  let scheduler: SchedulerService | undefined;
  const module = createBackendModule({
    pluginId: 'search',
    moduleId: 'test-scheduler-spy',
    register(env) {
      env.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          scheduler = s;
        },
      });
    },
  });
  return { module, scheduler: () => scheduler! };
}

const principalOf = (options: unknown) =>
  (options as { credentials: BackstageCredentials<{ type: string }> })
    .credentials.principal.type;

/**
 * A policy: services (the collator, the test's setup) may do anything; the
 * user may read the incidents whose ids are in `readableIncidents` (a
 * conditional decision, checked per incident) and whatever is not in
 * `denied`.
 */
function policy(readableIncidents: Set<string>, denied: Set<string>) {
  const decide = (
    name: string,
    principal: string,
    resourceRef?: string,
  ): AuthorizeResult.ALLOW | AuthorizeResult.DENY => {
    if (principal === 'service') return AuthorizeResult.ALLOW;
    if (denied.has(name)) return AuthorizeResult.DENY;
    if (name === 'itsm.incident.read' && resourceRef) {
      return readableIncidents.has(resourceRef)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY;
    }
    return AuthorizeResult.ALLOW;
  };
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(r => ({
        result: decide(
          r.permission.name,
          principalOf(options),
          'resourceRef' in r ? r.resourceRef : undefined,
        ),
      })),
    authorizeConditional: async (requests, options) =>
      requests.map((r): PolicyDecision => {
        const result = decide(r.permission.name, principalOf(options));
        if (
          result === AuthorizeResult.DENY ||
          r.permission.name !== 'itsm.incident.read' ||
          principalOf(options) === 'service'
        ) {
          return { result };
        }
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'itsm',
          resourceType: 'itsm-incident',
          conditions: {
            rule: 'HAS_AFFECTED_SERVICE',
            resourceType: 'itsm-incident',
            params: { entityRefs: [payments] },
          },
        };
      }) as any,
  });
}

describe('ITSM documents in Backstage search', () => {
  it('shows a user only the types and incidents the policy lets them read', async () => {
    const readableIncidents = new Set<string>();
    const denied = new Set<string>(['itsm.review.read']);
    const spy = searchSchedulerSpy();
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        searchPlugin,
        searchModuleItsmCollator,
        spy.module,
        catalogServiceMock.factory({
          entities: [
            entity('Component', 'payments-api'),
            entity('Component', 'ledger'),
          ],
        }),
        policy(readableIncidents, denied).factory,
        // The search backend filters results only with permissions enabled
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const base = `http://localhost:${server.port()}/api`;
    async function asService(method: string, path: string, body?: object) {
      const response = await fetch(`${base}/itsm${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.service.header(),
        },
        body: body && JSON.stringify(body),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(JSON.stringify(json));
      return json;
    }
    async function search(term: string) {
      const response = await fetch(
        `${base}/search/query?term=${encodeURIComponent(term)}`,
        { headers: { Authorization: mockCredentials.user.header() } },
      );
      expect(response.status).toBe(200);
      const { results } = await response.json();
      return results
        .map((r: any) => `${r.type} ${r.document.ref}`)
        .sort() as string[];
    }

    const incident = (title: string, service: string) =>
      asService('POST', '/incidents', {
        title,
        description: 'The acquirer answers 502',
        affectedServices: [service],
        category: 'availability',
        impact: 'high',
        urgency: 'high',
      });
    const onPayments = await incident('Card payments failing', payments);
    const onLedger = await incident('Ledger postings failing', ledger);
    readableIncidents.add(onPayments.id);
    const problem = await asService('POST', '/problems', {
      title: 'Acquirer timeouts',
      incidentIds: [onPayments.id],
    });
    const workaround = await asService('POST', '/workarounds', {
      problemId: problem.ref,
      title: 'Fail over to the secondary acquirer',
      steps: 'Switch the acquirer in the payments console',
      affectedServices: [],
    });
    const started = await asService(
      'PUT',
      `/incidents/${onLedger.ref}/review`,
      {
        sections: {
          summary: 'Ledger postings failed while the acquirer was down',
          rootCause: 'The acquirer pool was exhausted',
        },
      },
    );
    const submitted = await asService(
      'PUT',
      `/incidents/${onLedger.ref}/review`,
      {
        version: started.version,
        status: 'in_review',
      },
    );
    const approved = await asService(
      'POST',
      `/incidents/${onLedger.ref}/review/approvals`,
      {},
    );
    expect(approved.version).toBeGreaterThan(submitted.version);
    await asService('PUT', `/incidents/${onLedger.ref}/review`, {
      version: approved.version,
      status: 'published',
    });

    for (const type of ['incident', 'problem', 'workaround', 'review']) {
      await spy.scheduler().triggerTask(`search_index_itsm_${type}`);
    }

    // Not the ledger's incident (the policy's condition), not the review
    // (itsm.review.read denied)
    expect(await search('acquirer')).toEqual([
      `itsm-incident ${onPayments.ref}`,
      `itsm-problem ${problem.ref}`,
      `itsm-workaround ${workaround.ref}`,
    ]);

    denied.clear();
    denied.add('itsm.problem.read');
    expect(await search('acquirer')).toEqual([
      `itsm-incident ${onPayments.ref}`,
      `itsm-review ${onLedger.ref}`,
    ]);
  });
});
