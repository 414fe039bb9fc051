import { useState } from 'react';
import { ActionError, toActionError } from './actionError';

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
  /** Which failures are a stale version; a 409 "changed by someone else" unless told. */
  isStale?: (error: unknown) => boolean;
}) {
  const { reload, staleMessage, isStale } = options;
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
      setError(toActionError(e, staleMessage, isStale));
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
