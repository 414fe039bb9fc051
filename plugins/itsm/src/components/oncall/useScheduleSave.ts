import { useApi } from '@backstage/core-plugin-api';
import {
  StoredOnCallSchedule,
  UpdateOnCallScheduleRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useCallback, useState } from 'react';
import { itsmApiRef } from '../../api';
import { errorMessage, isConflict } from '../common/errorMessage';

export type SaveResult =
  | { ok: true }
  | { ok: false; conflict: boolean; message: string };

/**
 * Saves a change to a schedule with the version read. A stale version (409)
 * is kept as `conflict` for the page to offer a reload.
 */
export function useScheduleSave(
  schedule: StoredOnCallSchedule | undefined,
  onSaved: () => void,
) {
  const api = useApi(itsmApiRef);
  const [conflict, setConflict] = useState<string>();
  const save = useCallback(
    async (
      patch: Omit<UpdateOnCallScheduleRequest, 'version'>,
    ): Promise<SaveResult> => {
      if (!schedule) {
        return { ok: false, conflict: false, message: 'Not loaded yet' };
      }
      try {
        await api.updateSchedule(schedule.id, {
          ...patch,
          version: schedule.version,
        });
        setConflict(undefined);
        onSaved();
        return { ok: true };
      } catch (e) {
        if (isConflict(e)) {
          const message =
            'This schedule was changed by someone else; reload to see the latest and try again.';
          setConflict(message);
          return { ok: false, conflict: true, message };
        }
        return { ok: false, conflict: false, message: errorMessage(e) };
      }
    },
    [api, schedule, onSaved],
  );
  return { save, conflict, clearConflict: () => setConflict(undefined) };
}
