import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express, { ErrorRequestHandler } from 'express';
import request from 'supertest';
import { spec } from '../schema/openapi.generated';

// The routes read boolean query parameters as the spec types them
// (`query.major`): this pins that the validator converts them. It also
// coerces `limit` loosely (Infinity, 0x10), which is why the routes read
// limit from the raw query string with parseLimit.
describe('query parameters after validation', () => {
  let seen: unknown;
  const router = createValidatedOpenApiRouter(spec);
  router.get('/incidents', (req, res) => {
    seen = req.query;
    res.json({ items: [] });
  });
  const errors: ErrorRequestHandler = (error, _req, res, _next) => {
    res.status(400).json({ name: error.name, message: error.message });
  };
  const app = express().use(router).use(errors);

  beforeEach(() => {
    seen = undefined;
  });

  it('turns integers and booleans into numbers and booleans', async () => {
    const res = await request(app)
      .get('/incidents')
      .query({ limit: '20', major: 'false', status: 'new,resolved' });
    expect(res.status).toBe(200);
    expect(seen).toEqual({ limit: 20, major: false, status: 'new,resolved' });
  });

  it('leaves absent parameters out', async () => {
    await request(app).get('/incidents');
    expect(seen).toEqual({});
  });

  it('refuses what is not an integer in range or a boolean', async () => {
    for (const query of ['limit=ten', 'limit=0', 'major=yes']) {
      const res = await request(app).get(`/incidents?${query}`);
      expect(res.body.name).toBe('InputError');
      expect(seen).toBeUndefined();
    }
  });
});
