import { mockServices } from '@backstage/backend-test-utils';
import { InputError, serializeError } from '@backstage/errors';
import express, { ErrorRequestHandler } from 'express';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { internalErrors, jsonBody } from './errorMapping';
import { startBackend, report } from '../__testUtils__/incidentsBackend';

jest.setTimeout(30_000);

/** Like Backstage's error handler, with stack traces shown (as in development). */
const backstageErrorHandler: ErrorRequestHandler = (
  error,
  _req,
  res,
  _next,
) => {
  res
    .status(error.name === 'InputError' ? 400 : 500)
    .json({ error: serializeError(error, { includeStack: true }) });
};

/** A router that fails with `fail`, behind our mapping and an error handler that shows stacks. */
function appFailingWith(fail: () => Promise<unknown>) {
  const logger = mockServices.logger.mock();
  const app = express();
  app.use(jsonBody());
  app.post('/fail', async (_req, _res, next) => {
    try {
      await fail();
    } catch (error) {
      next(error);
    }
  });
  app.use(internalErrors(logger));
  app.use(backstageErrorHandler);
  return { app, logger };
}

describe('error mapping', () => {
  let knex: Knex;
  beforeAll(() => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
  });
  afterAll(() => knex.destroy());

  it.each([
    ['a driver error', () => knex.raw('select secret from itsm_missing_table')],
    [
      "knex's undefined binding",
      async () => knex('itsm_incidents').where({ secret: undefined }).first(),
    ],
    ['a RangeError', async () => new Date(NaN).toISOString()],
  ])(
    'answers %s with a generic 500 and logs the detail under its request id',
    async (_name, fail) => {
      const { app, logger } = appFailingWith(fail);
      const res = await request(app).post('/fail').send({});
      expect(res.status).toBe(500);
      const { message } = res.body.error;
      expect(message).toMatch(/^Internal error \(request id [0-9a-f-]{36}\)$/);
      expect(res.body.error.stack).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toMatch(
        /select|itsm_|secret|Invalid time/i,
      );
      const id = message.match(/request id ([0-9a-f-]+)/)![1];
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(id),
        expect.any(Error),
      );
    },
  );

  it('passes errors with a status of their own through', async () => {
    const { app, logger } = appFailingWith(async () => {
      throw new InputError('title: required');
    });
    const res = await request(app).post('/fail').send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('title: required');
    expect(res.body.error.stack).toBeUndefined();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('answers a body over the limit with a 413 over HTTP', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/itsm/incidents')
      .send({ ...report, description: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(
      /^Request body too large: \d+ bytes, at most 102400; send less$/,
    );
    expect(res.body.error.stack).toBeUndefined();

    // Malformed JSON is still a 400
    const malformed = await request(server)
      .post('/api/itsm/incidents')
      .set('content-type', 'application/json')
      .send('{"title":');
    expect(malformed.status).toBe(400);
  });
});
