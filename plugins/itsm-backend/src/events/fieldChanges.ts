import { isDeepStrictEqual } from 'node:util';
import { ItsmFieldChange } from '@openitsm/backstage-plugin-itsm-node';

/** The fields of `keys` whose values differ, before and after. */
export function fieldChanges<T extends object>(
  previous: T,
  current: T,
  keys: ReadonlyArray<keyof T & string>,
): Record<string, ItsmFieldChange> {
  const changes: Record<string, ItsmFieldChange> = {};
  for (const key of keys) {
    const before = previous[key] ?? undefined;
    const after = current[key] ?? undefined;
    if (!isDeepStrictEqual(before, after)) {
      changes[key] = { before, after };
    }
  }
  return changes;
}
