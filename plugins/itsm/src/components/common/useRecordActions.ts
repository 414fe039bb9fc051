import { useState } from 'react';
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
 * Runs the actions of a record page one at a time: busy while running, the
 * record reloaded and `eventsKey` bumped (to reload its audit trail) after
 * success, the error kept for an alert after failure.
 */
export function useRecordActions(options: {
  /** Reloads the record. */
  reload: () => void;
  /** Shown instead of the server's message when the version was stale. */
  staleMessage: string;
  isStale?: (error: unknown) => boolean;
}) {
  const { reload, staleMessage, isStale = isStaleVersion } = options;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError>();
  const [eventsKey, setEventsKey] = useState(0);

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      reload();
      setEventsKey(k => k + 1);
      return true;
    } catch (e) {
      setError(
        isStale(e)
          ? { message: staleMessage, stale: true }
          : { message: errorMessage(e), stale: false },
      );
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    clearError: () => setError(undefined),
    run,
    eventsKey,
    reloadEvents: () => setEventsKey(k => k + 1),
  };
}
