import { InputError } from '@backstage/errors';

/**
 * What one part of a cursor holds: `time` an ISO timestamp as this API
 * writes it (`…T…:ss.SSSZ`), `id` a record id, `serial` an event's
 * increasing integer id.
 */
export type CursorPart = 'time' | 'id' | 'serial';

const SERIAL = /^[1-9]\d{0,14}$/;
const MAX_ID_LENGTH = 200;

const partIsValid: Record<CursorPart, (value: unknown) => boolean> = {
  time: value =>
    typeof value === 'string' &&
    Number.isFinite(Date.parse(value)) &&
    new Date(value).toISOString() === value,
  id: value =>
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH,
  serial: value => typeof value === 'string' && SERIAL.test(value),
};

/** Opaque keyset cursors: base64url of the sort key of the last item. */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The sort key a cursor carries, checked against the `shape` the list writes
 * (e.g. `['time', 'id']`): anything else, however it was made, is a 400 that
 * names `field` rather than a query the database cannot answer.
 */
export function decodeCursor(
  cursor: string,
  field: string,
  shape: readonly CursorPart[],
): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    Array.isArray(key) &&
    key.length === shape.length &&
    shape.every((part, i) => partIsValid[part](key[i]))
  ) {
    return key as string[];
  }
  throw new InputError(
    `${field} is not a cursor this API returned; pass nextCursor from a previous page`,
  );
}
