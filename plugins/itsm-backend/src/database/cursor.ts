import { InputError } from '@backstage/errors';

/** Opaque keyset cursors: base64url of the sort key of the last item. */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: string): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every(k => typeof k === 'string')) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError(
    `${field} is not a cursor this API returned; pass nextCursor from a previous page`,
  );
}
