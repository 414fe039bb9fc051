import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { withInitiator } from '../__testUtils__/withInitiator';
import { createItsmChangeCreateAction } from './createChange';

const server = setupServer();
registerMswTestHooks(server);

// mockServices.discovery() answers http://localhost:0/api/<pluginId>
const ITSM = 'http://localhost:0/api/itsm';
const PAY = 'component:default/payments-api';

const action = createItsmChangeCreateAction({
  auth: mockServices.auth(),
  discovery: mockServices.discovery(),
  appBaseUrl: 'https://backstage.example.com/',
});

/** What the ITSM API was asked. */
interface Seen {
  method: string;
  path: string;
  authorization: string | null;
  body: any;
}

/** An ITSM API that creates CHG-1042 and moves it as asked. */
function itsmApi(seen: Seen[]) {
  const record = async (request: Request) => {
    const body = await request.json();
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
      body,
    });
    return body;
  };
  let version = 1;
  server.use(
    http.post(`${ITSM}/changes`, async ({ request }) => {
      const body = await record(request);
      return HttpResponse.json(
        { ...body, id: 'uuid-1042', ref: 'CHG-1042', status: 'new', version },
        { status: 201 },
      );
    }),
    http.patch(`${ITSM}/changes/CHG-1042`, async ({ request }) => {
      const body = await record(request);
      if (body.version !== version) {
        return HttpResponse.json(
          { error: { name: 'ConflictError', message: 'stale' } },
          { status: 409 },
        );
      }
      version += 1;
      return HttpResponse.json({
        ref: 'CHG-1042',
        status: body.status,
        version,
      });
    }),
  );
}

const input = {
  entityRef: PAY,
  title: 'Upgrade payments database',
  type: 'normal' as const,
  risk: 'high' as const,
  plannedStart: '2026-12-02T09:00:00Z',
  plannedEnd: '2026-12-02T10:00:00Z',
  backoutPlan: 'Restore the snapshot',
};

describe('itsm:change:create', () => {
  it('requests the change as the user running the template, and submits it to the CAB', async () => {
    const seen: Seen[] = [];
    itsmApi(seen);
    const alice = mockCredentials.user('user:default/alice');
    const ctx = withInitiator(
      alice,
      createMockActionContext({ input: { ...input, submit: true } }),
    );
    await action.handler(ctx);

    const asAlice = `Bearer ${mockCredentials.service.token({
      onBehalfOf: alice,
      targetPluginId: 'itsm',
    })}`;
    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/api/itsm/changes',
        authorization: asAlice,
        body: {
          title: 'Upgrade payments database',
          type: 'normal',
          risk: 'high',
          affectedServices: [PAY],
          plannedStart: '2026-12-02T09:00:00.000Z',
          plannedEnd: '2026-12-02T10:00:00.000Z',
          backoutPlan: 'Restore the snapshot',
        },
      },
      {
        method: 'PATCH',
        path: '/api/itsm/changes/CHG-1042',
        authorization: asAlice,
        body: { version: 1, status: 'assess' },
      },
      {
        method: 'PATCH',
        path: '/api/itsm/changes/CHG-1042',
        authorization: asAlice,
        body: { version: 2, status: 'authorize' },
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('id', 'uuid-1042');
    expect(ctx.output).toHaveBeenCalledWith('ref', 'CHG-1042');
    expect(ctx.output).toHaveBeenCalledWith(
      'url',
      'https://backstage.example.com/itsm/changes/CHG-1042',
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'authorize');
  });

  it('schedules a standard change from now for durationMinutes, as the scaffolder when no user started the task', async () => {
    const seen: Seen[] = [];
    itsmApi(seen);
    const ctx = withInitiator(
      mockCredentials.none(),
      createMockActionContext({
        input: {
          entityRef: PAY,
          title: 'Rotate certificates',
          type: 'standard' as const,
          risk: 'low' as const,
          durationMinutes: 30,
          submit: true,
        },
      }),
    );
    const before = Date.now();
    await action.handler(ctx);

    const { plannedStart, plannedEnd } = seen[0].body;
    expect(Date.parse(plannedStart)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(plannedEnd) - Date.parse(plannedStart)).toBe(30 * 60_000);
    expect(seen.map(s => s.body.status)).toEqual([
      undefined,
      'assess',
      'scheduled',
    ]);
    const asScaffolder = `Bearer ${mockCredentials.service.token({
      onBehalfOf: mockCredentials.service('plugin:test'),
      targetPluginId: 'itsm',
    })}`;
    expect(seen.every(s => s.authorization === asScaffolder)).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith('status', 'scheduled');
  });

  it('leaves a change new unless told to submit it', async () => {
    const seen: Seen[] = [];
    itsmApi(seen);
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    expect(seen.map(s => s.method)).toEqual(['POST']);
    expect(ctx.output).toHaveBeenCalledWith('status', 'new');
  });

  it("fails with the ITSM API's own reason", async () => {
    server.use(
      http.post(`${ITSM}/changes`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: `affectedServices[0]: unknown entity ${PAY}; it is not in the catalog`,
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(
      action.handler(createMockActionContext({ input })),
    ).rejects.toThrow(
      `The change could not be created: the ITSM API answered 400: affectedServices[0]: unknown entity ${PAY}; it is not in the catalog`,
    );
  });

  it.each`
    window                                                         | message
    ${{ plannedStart: 'tomorrow' }}                                | ${/^plannedStart must be an ISO 8601 date-time/}
    ${{ plannedEnd: '2026-12-02T11:00:00Z', durationMinutes: 30 }} | ${'Give plannedEnd or durationMinutes, not both'}
  `(
    'refuses a window of $window before calling the API',
    async ({ window, message }) => {
      // No handler: any request would fail the test (onUnhandledRequest: error)
      await expect(
        action.handler(
          createMockActionContext({
            input: {
              ...input,
              plannedStart: undefined,
              plannedEnd: undefined,
              ...window,
            },
          }),
        ),
      ).rejects.toThrow(message);
    },
  );
});
