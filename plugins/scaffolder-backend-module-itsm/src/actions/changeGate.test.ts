import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { withInitiator } from '../__testUtils__/withInitiator';
import { createItsmChangeGateAction } from './changeGate';

const server = setupServer();
registerMswTestHooks(server);

const ITSM = 'http://localhost:0/api/itsm';
const PAY = 'component:default/payments-api';

const action = createItsmChangeGateAction({
  auth: mockServices.auth(),
  discovery: mockServices.discovery(),
});

const open = {
  entityRef: PAY,
  at: '2026-12-02T09:30:00.000Z',
  allowed: true,
  reasons: [
    {
      code: 'change_window_open',
      changeRef: 'CHG-1042',
      message:
        'CHG-1042 (normal change, scheduled) has its window open until 2026-12-02T10:00:00.000Z',
    },
  ],
  change: { ref: 'CHG-1042' },
  until: '2026-12-02T10:00:00.000Z',
};

const blocked = {
  entityRef: PAY,
  at: '2026-12-24T10:00:00.000Z',
  allowed: false,
  reasons: [
    {
      code: 'no_change',
      message: `No approved change of ${PAY} has its window open at 2026-12-24T10:00:00.000Z`,
    },
    {
      code: 'awaiting_approval',
      changeRef: 'CHG-1043',
      message: 'CHG-1043 is awaiting approval',
    },
    {
      code: 'freeze',
      freeze: 'year-end',
      at: '2027-01-03T00:00:00.000Z',
      message:
        "Freeze 'year-end' until 2027-01-03T00:00:00.000Z: only emergency changes approved by the ECAB may proceed",
    },
  ],
};

/** Answers `gate` and records each request's query and token. */
function gateAnswers(gate: object) {
  const seen: Array<{
    query: Record<string, string>;
    authorization: string | null;
  }> = [];
  server.use(
    http.get(`${ITSM}/changes/gate`, ({ request }) => {
      seen.push({
        query: Object.fromEntries(new URL(request.url).searchParams),
        authorization: request.headers.get('authorization'),
      });
      return HttpResponse.json(gate);
    }),
  );
  return seen;
}

describe('itsm:change:gate', () => {
  it('lets the task go on when a change authorises the deployment', async () => {
    const seen = gateAnswers(open);
    const alice = mockCredentials.user('user:default/alice');
    const ctx = withInitiator(
      alice,
      createMockActionContext({
        input: { entityRef: PAY, at: '2026-12-02T09:30:00Z' },
      }),
    );
    await action.handler(ctx);
    expect(seen).toEqual([
      {
        query: { entityRef: PAY, at: '2026-12-02T09:30:00Z' },
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: alice,
          targetPluginId: 'itsm',
        })}`,
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('allowed', true);
    expect(ctx.output).toHaveBeenCalledWith('changeRef', 'CHG-1042');
    expect(ctx.output).toHaveBeenCalledWith(
      'until',
      '2026-12-02T10:00:00.000Z',
    );
    expect(ctx.output).toHaveBeenCalledWith('reasons', [
      {
        code: 'change_window_open',
        changeRef: 'CHG-1042',
        message:
          'CHG-1042 (normal change, scheduled) has its window open until 2026-12-02T10:00:00.000Z',
      },
    ]);
  });

  it('fails the task with every reason when blocked', async () => {
    const seen = gateAnswers(blocked);
    const ctx = createMockActionContext({ input: { entityRef: PAY } });
    await expect(action.handler(ctx)).rejects.toThrow(
      [
        `Deployment of ${PAY} at 2026-12-24T10:00:00.000Z is blocked by change management:`,
        `- No approved change of ${PAY} has its window open at 2026-12-24T10:00:00.000Z`,
        '- CHG-1043 is awaiting approval',
        "- Freeze 'year-end' until 2027-01-03T00:00:00.000Z: only emergency changes approved by the ECAB may proceed",
      ].join('\n'),
    );
    expect(seen[0].query).toEqual({ entityRef: PAY });
    expect(ctx.output).toHaveBeenCalledWith('allowed', false);
  });

  it('only reports when failOnBlocked is false', async () => {
    gateAnswers(blocked);
    const ctx = createMockActionContext({
      input: { entityRef: PAY, failOnBlocked: false },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('allowed', false);
    expect(ctx.output).toHaveBeenCalledWith(
      'reasons',
      expect.arrayContaining([
        { code: 'freeze', freeze: 'year-end', message: expect.any(String) },
      ]),
    );
  });

  it("fails with the ITSM API's reason when it refuses the question", async () => {
    server.use(
      http.get(`${ITSM}/changes/gate`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                'at must be an ISO 8601 date-time on a real calendar date, e.g. 2026-03-01T09:30:00Z, got "soon"',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(
      action.handler(
        createMockActionContext({ input: { entityRef: PAY, at: 'soon' } }),
      ),
    ).rejects.toThrow(
      `Could not ask the change gate about ${PAY}: the ITSM API answered 400: at must be an ISO 8601 date-time`,
    );
  });
});
