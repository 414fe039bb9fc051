import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';

/** How long an answer is reused when app-config does not say. */
export const DEFAULT_RESPONSE_CACHE_TTL_MS = 5_000;
/** How much memory the answers may take when app-config does not say. */
export const DEFAULT_RESPONSE_CACHE_MAX_MB = 32;

/**
 * The JSON answers of a service page's reads (its summary, history, SLA
 * compliance, on-call, workarounds, changes and deploy gate), kept in
 * memory on each replica for a few seconds, because a catalog page is
 * viewed far more often than its service's incidents change.
 *
 * - Any write this replica makes to the plugin's database drops every answer
 *   at once (`invalidate`, called after the write is committed), so whoever
 *   changes something here reads it back at once.
 * - A write on another replica, or time passing (an SLA clock falling due,
 *   an incident leaving the last 30 days), shows after at most the TTL
 *   (`itsm.responseCache.ttl`, 5 seconds by default; 0 turns caching off).
 * - An answer being computed when a write lands is used by the requests
 *   already waiting for it, never kept.
 *
 * Keys hold the caller's scope (what their permission decision lets them
 * see), so callers with different decisions never share an answer.
 */
export class ResponseCache {
  private readonly answers?: LRUCache<string, Answer>;
  /** Answers being computed, so simultaneous misses compute once. */
  private readonly pending = new Map<string, Pending>();
  /** Bumped by every write: answers of an older generation are not used. */
  private generation = 0;

  static fromConfig(config: Config): ResponseCache {
    const cache = config.getOptionalConfig('itsm.responseCache');
    const ttlMs = cache?.has('ttl')
      ? durationToMilliseconds(readDurationFromConfig(cache, { key: 'ttl' }))
      : DEFAULT_RESPONSE_CACHE_TTL_MS;
    const maxMb =
      cache?.getOptionalNumber('maxSizeMb') ?? DEFAULT_RESPONSE_CACHE_MAX_MB;
    if (!(ttlMs >= 0)) {
      throw new Error('itsm.responseCache.ttl must not be negative');
    }
    if (!(maxMb > 0)) {
      throw new Error('itsm.responseCache.maxSizeMb must be above 0');
    }
    return new ResponseCache({ ttlMs, maxSizeMb: maxMb });
  }

  constructor(options: {
    ttlMs: number;
    maxSizeMb?: number;
    /** The clock TTLs are measured on (tests pass a fake one). */
    now?: () => number;
  }) {
    if (options.ttlMs > 0) {
      this.answers = new LRUCache<string, Answer>({
        ttl: options.ttlMs,
        // Bytes of JSON, about (a UTF-16 string's length)
        maxSize:
          (options.maxSizeMb ?? DEFAULT_RESPONSE_CACHE_MAX_MB) * 1024 * 1024,
        sizeCalculation: answer => Math.max(1, answer.body.length),
        ...(options.now && { perf: { now: options.now } }),
      });
    }
  }

  /** Drops every answer: called after each committed write. */
  invalidate(): void {
    this.generation++;
    this.answers?.clear();
    this.pending.clear();
  }

  /**
   * Sends the JSON answer to this request within `scope`: a kept one, or one
   * that `compute` makes (and that is kept unless a write lands meanwhile).
   * Without a scope (a read that is not a service page's, such as the
   * estate's list on the same route), it is computed and sent, not kept.
   * Errors are thrown, never kept.
   */
  async send(
    req: Request<any, any, any, any>,
    res: Response,
    scope: string | undefined,
    compute: () => Promise<unknown>,
  ): Promise<void> {
    if (!this.answers || scope === undefined) {
      res.json(await compute());
      return;
    }
    const key = `${scope}\n${requestKey(req)}`;
    const answer =
      this.answers.get(key) ?? (await this.computeOnce(key, req, compute));
    this.write(res, answer);
  }

  /**
   * Middleware answering, before the router validates it, a request whose
   * very answer is kept: the same path and query, answered in the same
   * scope (each route's `scope` authorizes the caller as the route does).
   * The kept answer was made for a request that passed validation, and
   * validation depends on nothing else, so it is not repeated; nor is the
   * route lookup it starts with. Anything else, including a failed scope,
   * goes on to the router untouched.
   */
  replay(routes: ReplayRoute[]): RequestHandler {
    return (req, res, next) => {
      const answers = this.answers;
      if (!answers || req.method !== 'GET' || answers.size === 0) {
        next();
        return;
      }
      const route = routes.find(
        r => r.path.test(req.path) && (!r.when || r.when(req)),
      );
      if (!route) {
        next();
        return;
      }
      route.scope(req).then(
        scope => {
          const answer = answers.get(`${scope}\n${requestKey(req)}`);
          if (answer) this.write(res, answer);
          else next();
        },
        // The route says why (and with the same error)
        () => next(),
      );
    };
  }

  private write(res: Response, answer: Answer) {
    // With its ETag set, express neither hashes the body again nor sends
    // it to a caller that already has it (304)
    if (answer.etag) res.set('ETag', answer.etag);
    res.set('Content-Type', 'application/json; charset=utf-8');
    res.send(answer.body);
  }

  private computeOnce(
    key: string,
    req: Request<any, any, any, any>,
    compute: () => Promise<unknown>,
  ): Promise<Answer> {
    const waiting = this.pending.get(key);
    if (waiting?.generation === this.generation) return waiting.answer;
    const generation = this.generation;
    const answer = compute().then(value => {
      // As res.json would write it (indented in development)
      const body = JSON.stringify(
        value,
        req.app.get('json replacer'),
        req.app.get('json spaces'),
      );
      const etagOf = req.app.get('etag fn');
      return { body, etag: etagOf ? String(etagOf(body, 'utf8')) : undefined };
    });
    const entry = { generation, answer };
    this.pending.set(key, entry);
    const settled = () => {
      if (this.pending.get(key) === entry) this.pending.delete(key);
    };
    answer.then(kept => {
      settled();
      // A write landed while computing: the answer may predate it
      if (generation === this.generation) this.answers?.set(key, kept);
    }, settled);
    return answer;
  }
}

type Answer = { body: string; etag?: string };

type Pending = { generation: number; answer: Promise<Answer> };

/** A read `replay` may answer, and how its caller's scope is found. */
export interface ReplayRoute {
  /** Matched against the path within the plugin's router. */
  path: RegExp;
  /** Only when this holds too (e.g. a service's list, not the estate's). */
  when?: (req: Request) => boolean;
  /** Authorizes the caller as the route does; the scope it answers in. */
  scope: (req: Request) => Promise<string>;
}

/** The path and the query in a fixed order, so `?a=1&b=2` is `?b=2&a=1`. */
function requestKey(req: Request<any, any, any, any>): string {
  const url = new URL(req.originalUrl, 'http://key');
  url.searchParams.sort();
  return `${req.method} ${url.pathname}?${url.searchParams}`;
}
