import { InputError } from '@backstage/errors';

/**
 * The version a write was based on: `version` in the body (the spec checks
 * it is a positive integer), else the `If-Match` header (`"3"`, `W/"3"` or
 * `3`), else undefined. `resourceName` names the record in the error, e.g.
 * `problem`.
 */
export function readVersion(
  req: {
    body?: { version?: number };
    header(name: string): string | undefined;
  },
  resourceName: string,
): number | undefined {
  if (req.body?.version !== undefined) return req.body.version;
  const header = req.header('if-match');
  if (!header) return undefined;
  const value = Number(header.replace(/^W\//, '').replace(/"/g, '').trim());
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `If-Match must be the ${resourceName}'s version number, got "${header}"`,
    );
  }
  return value;
}
