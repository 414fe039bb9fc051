import { ConflictError, InputError } from '@backstage/errors';

/**
 * Optimistic concurrency at the edge of an update: the caller must send the
 * version it read, and it must still be the current one (otherwise a 409,
 * before anything is written; the store checks again in its UPDATE).
 */
export function checkVersion(
  current: { ref: string; version: number },
  sent: number | undefined,
  kind: string,
): asserts sent is number {
  if (sent === undefined) {
    throw new InputError(
      'version is required: send the version you last read, in the body or an If-Match header',
    );
  }
  if (sent !== current.version) {
    throw new ConflictError(
      `${kind} ${current.ref} was changed by someone else (version ${current.version}, you sent ${sent}); reload it and apply your change again`,
    );
  }
}
