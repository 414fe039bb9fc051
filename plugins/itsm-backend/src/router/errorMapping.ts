import { LoggerService } from '@backstage/backend-plugin-api';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';

/** The error names Backstage's error handler maps to a status of their own. */
const KNOWN_ERROR_NAMES = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
  'ResponseError',
]);

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  for (const field of ['statusCode', 'status']) {
    const status = (error as Record<string, unknown>)[field];
    if (
      typeof status === 'number' &&
      Number.isInteger(status) &&
      status >= 100 &&
      status <= 599
    ) {
      return status;
    }
  }
  return undefined;
}

/**
 * The JSON body parser of the OpenAPI router, keeping body-parser's own
 * refusals (413 for a body over the limit, 415 for an unsupported charset or
 * encoding): the router's error handler would turn them into a 400.
 * Malformed JSON (body-parser's 400) goes on as before.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json();
  return (req, res, next) =>
    parse(req, res, (error?: any) => {
      const status = statusOf(error);
      const isRefusal =
        typeof error?.type === 'string' && status && status > 400;
      if (!isRefusal || status >= 500) {
        next(error);
        return;
      }
      const message =
        error.type === 'entity.too.large'
          ? `Request body too large: ${error.length} bytes, at most ${error.limit}; send less`
          : String(error.message);
      res.status(status).json({
        error: { name: String(error.name ?? 'Error'), message },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: status },
      });
    });
}

/**
 * Everything that would become a 500 — database and driver errors (knex,
 * pg, mysql2, better-sqlite3), `RangeError`s, anything unexpected — leaves as
 * `Internal error (request id …)`, without its message (which may carry SQL)
 * or stack; the detail is logged under that id. Errors with a status of
 * their own, and `@backstage/errors` types, pass through without their stack.
 */
export function internalErrors(logger: LoggerService): ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (statusOf(error) || KNOWN_ERROR_NAMES.has(error?.name)) {
      // Backstage puts the stack in the body under NODE_ENV=development; a
      // refusal's stack tells the caller nothing but our file paths
      if (error instanceof Error) delete error.stack;
      next(error);
      return;
    }
    const requestId = randomUUID();
    logger.error(
      `Internal error (request id ${requestId}) on ${req.method} ${req.originalUrl}`,
      error instanceof Error ? error : new Error(String(error)),
    );
    const generic = new Error(`Internal error (request id ${requestId})`);
    delete generic.stack;
    next(generic);
  };
}
