import { ResponseError } from '@backstage/errors';

/**
 * What to show for a failed call: the server's own message (it names the
 * field to fix), not "Request failed with 400 Bad Request".
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.cause?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Whether a failed update was refused because someone changed it first. */
export function isConflict(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 409;
}
