import { errorMessage, isConflict } from './errorMessage';

/** Why the last action failed; `stale` when a reload is the way out. */
export interface ActionError {
  message: string;
  stale: boolean;
}

/** A 409 because the record's version moved on (not another kind of 409). */
export function isStaleVersion(error: unknown): boolean {
  return (
    isConflict(error) && /changed by someone else/.test(errorMessage(error))
  );
}

/**
 * What to tell the user about a failed action: `staleMessage` (and a way to
 * reload) when `isStale`, else the server's own message.
 */
export function toActionError(
  error: unknown,
  staleMessage: string,
  isStale: (error: unknown) => boolean = isStaleVersion,
): ActionError {
  return isStale(error)
    ? { message: staleMessage, stale: true }
    : { message: errorMessage(error), stale: false };
}
