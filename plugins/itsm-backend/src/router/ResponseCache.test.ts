import { ConfigReader } from '@backstage/config';
import express from 'express';
import request from 'supertest';
import { ResponseCache } from './ResponseCache';

/** An app whose one route answers through the cache, counting computations. */
function appWith(cache: ResponseCache) {
  const computed: string[] = [];
  let value = 1;
  let gate: Promise<void> | undefined;
  const app = express();
  app.get('/things', async (req, res, next) => {
    try {
      await cache.send(req, res, String(req.query.scope ?? 'all'), async () => {
        computed.push(req.originalUrl);
        const answer = { value };
        await gate;
        if (req.query.fail) throw new Error('the database is down');
        return answer;
      });
    } catch (error) {
      next(error);
    }
  });
  app.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(500).json({ error: error.message });
    },
  );
  return {
    app,
    computed,
    setValue: (next: number) => {
      value = next;
    },
    holdComputations: () => {
      let release!: () => void;
      gate = new Promise(resolve => {
        release = resolve;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

/** An app that replays kept answers before a stand-in for the validator. */
function replayingApp(cache: ResponseCache) {
  const validated: string[] = [];
  const app = express();
  app.use(
    cache.replay([
      {
        path: /^\/things$/,
        when: req => req.query.mine !== undefined,
        scope: async req => {
          if (req.query.scope === 'denied') throw new Error('not allowed');
          return String(req.query.scope ?? 'all');
        },
      },
    ]),
  );
  app.use((req, _res, next) => {
    validated.push(req.originalUrl);
    next();
  });
  app.get('/things', async (req, res, next) => {
    try {
      if (req.query.scope === 'denied') {
        res.status(403).json({ error: 'not allowed' });
        return;
      }
      await cache.send(
        req,
        res,
        String(req.query.scope ?? 'all'),
        async () => ({
          at: req.originalUrl,
        }),
      );
    } catch (error) {
      next(error);
    }
  });
  return { app, validated };
}

describe('ResponseCache', () => {
  it('answers the same request from memory, with the same body, type and ETag', async () => {
    const { app, computed, setValue } = appWith(
      new ResponseCache({ ttlMs: 60_000 }),
    );
    const first = await request(app).get('/things?a=1&b=2');
    setValue(2);
    // The same query in another order is the same request
    const second = await request(app).get('/things?b=2&a=1');

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ value: 1 });
    expect(second.body).toEqual({ value: 1 });
    expect(second.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(computed).toHaveLength(1);

    // A caller that has it already gets a 304
    const again = await request(app)
      .get('/things?a=1&b=2')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('keeps answers apart by query and by scope', async () => {
    const { app, computed } = appWith(new ResponseCache({ ttlMs: 60_000 }));
    await request(app).get('/things?a=1');
    await request(app).get('/things?a=2');
    await request(app).get('/things?a=1&scope=alice');
    await request(app).get('/things?a=1&scope=alice');
    expect(computed).toEqual([
      '/things?a=1',
      '/things?a=2',
      '/things?a=1&scope=alice',
    ]);
  });

  it('computes again once the TTL has passed', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-30T08:00:00Z') });
    try {
      const { app, computed, setValue } = appWith(
        new ResponseCache({ ttlMs: 5_000, now: () => Date.now() }),
      );
      expect((await request(app).get('/things')).body).toEqual({ value: 1 });
      setValue(2);
      jest.advanceTimersByTime(4_000);
      expect((await request(app).get('/things')).body).toEqual({ value: 1 });
      jest.advanceTimersByTime(2_000);
      expect((await request(app).get('/things')).body).toEqual({ value: 2 });
      expect(computed).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drops every answer when invalidated', async () => {
    const cache = new ResponseCache({ ttlMs: 60_000 });
    const { app, setValue } = appWith(cache);
    await request(app).get('/things');
    setValue(2);
    cache.invalidate();
    expect((await request(app).get('/things')).body).toEqual({ value: 2 });
  });

  it('computes simultaneous misses once, and never keeps one a write overtook', async () => {
    const cache = new ResponseCache({ ttlMs: 60_000 });
    const { app, computed, setValue, holdComputations } = appWith(cache);
    const release = holdComputations();
    const both = Promise.all([
      request(app).get('/things'),
      request(app).get('/things'),
    ]);
    // Both are waiting on one computation, which read value 1
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(computed).toHaveLength(1);
    // A write lands before it finishes
    setValue(2);
    cache.invalidate();
    release();
    const answers = await both;
    expect(answers.map(a => a.body)).toEqual([{ value: 1 }, { value: 1 }]);
    // What it computed predates the write, so it was not kept
    expect((await request(app).get('/things')).body).toEqual({ value: 2 });
    expect(computed).toHaveLength(2);
  });

  it('never keeps an error', async () => {
    const { app, computed } = appWith(new ResponseCache({ ttlMs: 60_000 }));
    expect((await request(app).get('/things?fail=1')).status).toBe(500);
    expect((await request(app).get('/things?fail=1')).status).toBe(500);
    expect(computed).toHaveLength(2);
  });

  it('computes every time with a TTL of 0', async () => {
    const { app, computed } = appWith(
      ResponseCache.fromConfig(
        new ConfigReader({ itsm: { responseCache: { ttl: { seconds: 0 } } } }),
      ),
    );
    await request(app).get('/things');
    await request(app).get('/things');
    expect(computed).toHaveLength(2);
  });

  it('reads its TTL from app-config and refuses bad values, naming the key', () => {
    expect(() =>
      ResponseCache.fromConfig(
        new ConfigReader({ itsm: { responseCache: { ttl: 'soon' } } }),
      ),
    ).toThrow(/itsm\.responseCache\.ttl|ttl/);
    expect(() =>
      ResponseCache.fromConfig(
        new ConfigReader({ itsm: { responseCache: { maxSizeMb: 0 } } }),
      ),
    ).toThrow('itsm.responseCache.maxSizeMb must be above 0');
    expect(() =>
      ResponseCache.fromConfig(new ConfigReader({ itsm: {} })),
    ).not.toThrow();
  });

  describe('replay', () => {
    it('answers a repeated request before validation, in its scope', async () => {
      const { app, validated } = replayingApp(
        new ResponseCache({ ttlMs: 60_000 }),
      );
      const first = await request(app).get('/things?mine=1');
      const second = await request(app).get('/things?mine=1');
      expect(second.body).toEqual(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(validated).toEqual(['/things?mine=1']);

      // Another query, another scope, or a request the route does not
      // replay: validated and answered by the route
      await request(app).get('/things?mine=2');
      await request(app).get('/things?mine=1&scope=alice');
      await request(app).get('/things');
      await request(app).get('/things');
      expect(validated).toEqual([
        '/things?mine=1',
        '/things?mine=2',
        '/things?mine=1&scope=alice',
        '/things',
        '/things',
      ]);
    });

    it('leaves a caller its scope refuses to the route', async () => {
      const { app, validated } = replayingApp(
        new ResponseCache({ ttlMs: 60_000 }),
      );
      await request(app).get('/things?mine=1&scope=denied');
      const refused = await request(app).get('/things?mine=1&scope=denied');
      expect(refused.status).toBe(403);
      expect(validated).toHaveLength(2);
    });

    it('replays nothing once invalidated, or when turned off', async () => {
      const cache = new ResponseCache({ ttlMs: 60_000 });
      const { app, validated } = replayingApp(cache);
      await request(app).get('/things?mine=1');
      cache.invalidate();
      await request(app).get('/things?mine=1');
      expect(validated).toHaveLength(2);

      const off = replayingApp(new ResponseCache({ ttlMs: 0 }));
      await request(off.app).get('/things?mine=1');
      await request(off.app).get('/things?mine=1');
      expect(off.validated).toHaveLength(2);
    });
  });
});
