import { startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fc from 'fast-check';
import { writeFileSync } from 'fs';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { databaseSpy } from '../__testUtils__/problemsBackend';
import { FuzzedRequest, fuzzedRequests, FuzzPools } from './fuzzedRequests';
import { fuzzedRoutes } from './fuzzedRoutes';
import { KNOWN_5XX } from './knownServerErrors';
import { responseSchemaErrors } from './responseSchemas';

// Issue 11 and DESIGN.md: every write and list route of the spec, fuzzed
// through the real router. No 5xx; a 4xx writes nothing; a 2xx matches the
// spec. FUZZ_RUNS sets the runs per route (bench/fuzz.js runs 10,000).
const RUNS = Number(process.env.FUZZ_RUNS) || 150;
const routes = fuzzedRoutes();

jest.setTimeout(60_000 + RUNS * 200);

const entity = (
  kind: string,
  name: string,
  extra: Partial<Entity['metadata']> = {},
  spec: object = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...extra },
  spec,
});

const entities = [
  entity('Component', 'payments-api', {}, { owner: 'payments-team' }),
  entity(
    'Component',
    'ledger',
    { annotations: { 'openitsm.io/oncall-schedule': 'sre-oncall' } },
    { owner: 'sre' },
  ),
  entity('Component', 'gold-api', {
    annotations: { 'openitsm.io/sla-tier': 'gold' },
  }),
  entity('System', 'payments'),
  entity('Group', 'payments-team', {}, { type: 'team', children: [] }),
  entity('Group', 'sre', {}, { type: 'team', children: [] }),
  entity('User', 'alice'),
  entity('User', 'bob'),
];

/**
 * encodeURIComponent, except that a lone surrogate goes out as the invalid
 * UTF-8 bytes it stands for (WTF-8) instead of throwing: the server must
 * cope with a query string that is not UTF-8.
 */
const encodeQueryPart = (text: string) =>
  text.replace(/[\s\S]/gu, ch => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [
        0xe0 | (code >> 12),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      ]
        .map(b => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(ch);
  });

interface Tally {
  requests: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
  writtenBehind4xx: number;
  known5xx: Record<string, number>;
}

describe('fuzzing every write and list route of the spec', () => {
  let server: any;
  let knex: Knex;
  let tables: string[];
  const pools: FuzzPools = {
    ids: {},
    entityRefs: {
      services: ['component:default/payments-api', 'ledger', 'gold-api'],
      groups: ['group:default/sre', 'payments-team'],
      users: ['user:default/alice', 'bob'],
    },
  };
  const tallies: Record<string, Tally> = {};

  const rowCounts = async (): Promise<string> => {
    const rows = await knex.raw(
      `SELECT ${tables
        .map((t, i) => `(SELECT COUNT(*) FROM "${t}") AS c${i}`)
        .join(', ')}`,
    );
    return JSON.stringify(rows[0] ?? rows.rows?.[0]);
  };

  const send = (r: FuzzedRequest) => {
    let test = request(server)[r.method](r.url);
    const qs = r.query
      .map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`)
      .join('&');
    if (qs) test = request(server)[r.method](`${r.url}?${qs}`);
    for (const [k, v] of Object.entries(r.headers)) test = test.set(k, v);
    if (r.body && 'raw' in r.body) {
      return test.set('Content-Type', 'application/json').send(r.body.raw);
    }
    if (r.body) {
      return test
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(r.body.json) ?? 'null');
    }
    return test;
  };

  beforeAll(async () => {
    const spy = databaseSpy();
    ({ server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        spy.module,
      ],
    }));
    knex = await spy.database().getClient();
    tables = (
      await knex('sqlite_master')
        .where({ type: 'table' })
        .andWhereNot('name', 'like', 'knex_%')
        .andWhereNot('name', 'like', 'sqlite_%')
        .select('name')
    ).map((t: { name: string }) => t.name);

    const post = async (
      url: string,
      body: object,
      method: 'post' | 'put' = 'post',
    ) => {
      const res = await request(server)[method](`/api/itsm${url}`).send(body);
      if (res.status >= 300) {
        throw new Error(
          `seeding ${url}: ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
      return res.body;
    };
    const incident = await post('/incidents', {
      title: 'Card payments failing',
      affectedServices: ['component:default/payments-api'],
      category: 'availability',
      impact: 'high',
      urgency: 'medium',
    });
    const problem = await post('/problems', {
      title: 'Acquirer flaps',
      incidentIds: [incident.ref],
    });
    const workaround = await post('/workarounds', {
      title: 'Retry on the backup acquirer',
      steps: 'Switch the acquirer flag',
      affectedServices: ['component:default/payments-api'],
    });
    const change = await post('/changes', {
      title: 'Upgrade the acquirer client',
      type: 'normal',
      risk: 'low',
      affectedServices: ['component:default/ledger'],
      plannedStart: '2026-12-01T10:00:00Z',
      plannedEnd: '2026-12-01T11:00:00Z',
    });
    const schedule = await post('/schedules', {
      name: 'sre-oncall',
      ownerGroup: 'group:default/sre',
      timezone: 'Europe/Paris',
      layers: [
        {
          name: 'primary',
          users: ['alice', 'bob'],
          rotation: { type: 'daily' },
          handoffTime: '09:00',
          startDate: '2026-01-01',
        },
      ],
    });
    await post(
      '/escalation-policies/default/sre',
      {
        levels: [
          {
            afterMinutes: 15,
            targets: [{ type: 'schedule', schedule: 'sre-oncall' }],
          },
        ],
      },
      'put',
    );
    pools.ids = {
      incidents: [incident.id, incident.ref],
      problems: [problem.id, problem.ref],
      workarounds: [workaround.id, workaround.ref].filter(Boolean),
      changes: [change.id, change.ref].filter(Boolean),
      schedules: [schedule.id],
      'escalation-policies:namespace': ['default'],
      'escalation-policies:name': ['sre', 'payments-team'],
    };
  });

  afterAll(() => {
    if (process.env.FUZZ_REPORT) {
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(tallies, null, 2));
    }
  });

  it('fuzzes the routes the spec declares', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it.each(routes.map(r => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s',
    async (key, route) => {
      const tally: Tally = (tallies[key] = {
        requests: 0,
        '2xx': 0,
        '4xx': 0,
        '5xx': 0,
        writtenBehind4xx: 0,
        known5xx: {},
      });
      // The property throws, naming the request, on a 5xx, on a write behind a
      // 4xx, or on a 2xx the spec does not describe.
      expect.hasAssertions();
      expect(route.responses).toBeDefined();
      await fc.assert(
        fc.asyncProperty(fuzzedRequests(route, pools), async req => {
          const before = await rowCounts();
          const res = await send(req);
          tally.requests += 1;
          const where = `${req.method.toUpperCase()} ${
            req.url
          } ${JSON.stringify(req.query)} ${JSON.stringify(
            req.headers,
          )} body=${JSON.stringify(req.body)?.slice(0, 500)}`;
          if (res.status >= 500) {
            tally['5xx'] += 1;
            const known = KNOWN_5XX.find(k => k.matches(req));
            if (!known) {
              throw new Error(
                `${res.status} from ${where}: ${JSON.stringify(
                  res.body?.error?.message ?? res.text,
                ).slice(0, 300)}`,
              );
            }
            tally.known5xx[known.issue] =
              (tally.known5xx[known.issue] ?? 0) + 1;
            return;
          }
          if (res.status >= 400) {
            tally['4xx'] += 1;
            if (
              process.env.FUZZ_DEBUG &&
              key.includes(process.env.FUZZ_DEBUG)
            ) {
              // eslint-disable-next-line no-console
              console.log(
                res.status,
                res.body?.error?.message,
                req.query,
                JSON.stringify(req.body)?.slice(0, 200),
              );
            }
            const after = await rowCounts();
            if (after !== before) {
              tally.writtenBehind4xx += 1;
              throw new Error(
                `${res.status} wrote rows (${before} -> ${after}) from ${where}`,
              );
            }
            return;
          }
          tally['2xx'] += 1;
          const schema = route.responses[String(res.status)];
          if (!(String(res.status) in route.responses)) {
            throw new Error(
              `${res.status} is not in the spec's responses for ${where}`,
            );
          }
          // The JSON schema checks JSON answers (a report as Markdown or CSV
          // is text).
          if (schema && /json/.test(String(res.headers['content-type']))) {
            const errors = responseSchemaErrors(schema, res.body);
            if (errors) {
              throw new Error(
                `${res.status} body does not match the spec (${errors}) for ${where}`,
              );
            }
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});
