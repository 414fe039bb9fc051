import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from './plugin';
import { entities, report } from './__testUtils__/incidentsBackend';

jest.setTimeout(30_000);

describe('itsm backend over HTTP', () => {
  it('puts SLA clocks on incidents: tier policy, recomputed on priority change and after a hold', async () => {
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            itsm: {
              sla: {
                policies: {
                  default: {
                    targets: {
                      P1: { responseMinutes: 15, resolutionMinutes: 240 },
                      P2: { responseMinutes: 30, resolutionMinutes: 480 },
                      P3: { responseMinutes: 240, resolutionMinutes: 1440 },
                      P4: { responseMinutes: 480, resolutionMinutes: 2400 },
                      P5: { responseMinutes: 960, resolutionMinutes: 4800 },
                    },
                  },
                  gold: {
                    calendar: '24x7',
                    targets: {
                      P3: { responseMinutes: 60, resolutionMinutes: 480 },
                    },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    const minutesAfter = (iso: string, start: string) =>
      (Date.parse(iso) - Date.parse(start)) / 60_000;

    const p2 = await request(server).post('/api/itsm/incidents').send(report);
    expect(p2.body.sla).toMatchObject({
      policy: 'default',
      paused: false,
      response: { targetMinutes: 30, calendar: '24x7', state: 'running' },
      resolution: { targetMinutes: 480, calendar: '24x7', state: 'running' },
    });
    expect(minutesAfter(p2.body.sla.response.dueAt, p2.body.detectedAt)).toBe(
      30,
    );

    const p1 = await request(server)
      .patch(`/api/itsm/incidents/${p2.body.id}`)
      .send({ version: 1, urgency: 'high' });
    expect(p1.body.sla.response.targetMinutes).toBe(15);
    expect(minutesAfter(p1.body.sla.resolution.dueAt, p1.body.detectedAt)).toBe(
      240,
    );

    const gold = await request(server)
      .post('/api/itsm/incidents')
      .send({
        ...report,
        affectedServices: ['component:default/gold-api'],
        impact: 'medium',
      });
    expect(gold.body.priority).toBe('P3');
    expect(gold.body.sla).toMatchObject({
      policy: 'gold',
      response: { targetMinutes: 60, calendar: '24x7' },
    });

    // A hold pushes the resolution due time out by the time spent on hold
    const url = `/api/itsm/incidents/${gold.body.id}`;
    let version = gold.body.version;
    for (const status of ['acknowledged', 'in_progress', 'on_hold']) {
      version = (await request(server).patch(url).send({ version, status }))
        .body.version;
    }
    const held = await request(server).get(url);
    expect(held.body.sla).toMatchObject({
      paused: true,
      resolution: { state: 'paused' },
    });
    await new Promise(r => setTimeout(r, 50));
    const resumed = await request(server)
      .patch(url)
      .send({ version, status: 'in_progress' });
    expect(resumed.body.sla.paused).toBe(false);
    expect(Date.parse(resumed.body.sla.resolution.dueAt)).toBeGreaterThan(
      Date.parse(gold.body.sla.resolution.dueAt),
    );
    const timeline = await request(server).get(`${url}/timeline`);
    expect(timeline.body.items.at(-1)).toMatchObject({
      type: 'sla_recomputed',
      message: expect.stringMatching(/resumed after hold/),
    });

    const compliance = await request(server).get(
      '/api/itsm/sla/compliance?entityRef=component:default/gold-api&groupBy=priority',
    );
    expect(compliance.status).toBe(200);
    expect(compliance.body.response).toEqual({
      met: 0,
      breached: 0,
      compliance: null,
    });
    const bad = await request(server).get(
      '/api/itsm/sla/compliance?groupBy=week',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/groupBy/);
  });

  it('fails start-up on bad SLA config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          itsmPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              itsm: {
                sla: { calendars: { business: { timezone: 'Mars/Olympus' } } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/itsm\.sla\.calendars\.business\.timezone/);
  });
});
