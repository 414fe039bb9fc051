import { CursorPart, decodeCursor, encodeCursor } from './cursor';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const keyset: CursorPart[] = ['time', 'id'];

describe('decodeCursor', () => {
  it.each([
    [keyset, ['2026-01-01T00:00:00.000Z', 'c0ffee']],
    [['serial'] as CursorPart[], ['42']],
  ])('reads back what encodeCursor wrote for %j', (shape, key) => {
    expect(decodeCursor(encodeCursor(key), 'cursor', shape)).toEqual(key);
  });

  it.each([
    ['W10 (an empty array)', 'W10', keyset],
    ['not base64 JSON', 'garbage!', keyset],
    ['an object', b64('{"a":1}'), keyset],
    ['a garbage time', encodeCursor(['garbage', 'x']), keyset],
    ['one element', encodeCursor(['2026-01-01T00:00:00Z']), keyset],
    [
      'three elements',
      encodeCursor(['2026-01-01T00:00:00.000Z', 'a', 'b']),
      keyset,
    ],
    [
      'a time not as the API writes it',
      encodeCursor(['2026-01-01T00:00:00Z', 'x']),
      keyset,
    ],
    [
      'a rolled-over date',
      encodeCursor(['2026-02-30T00:00:00.000Z', 'x']),
      keyset,
    ],
    ['a number as the id', b64('["2026-01-01T00:00:00.000Z",5]'), keyset],
    ['an empty id', encodeCursor(['2026-01-01T00:00:00.000Z', '']), keyset],
    [
      'a huge id',
      encodeCursor(['2026-01-01T00:00:00.000Z', 'x'.repeat(201)]),
      keyset,
    ],
    ['a serial that is not a number', encodeCursor(['garbage']), ['serial']],
    ['a negative serial', encodeCursor(['-1']), ['serial']],
    ['a fractional serial', encodeCursor(['1.5']), ['serial']],
    ['a serial as a JSON number', b64('[7]'), ['serial']],
    [
      'a keyset cursor given to an event list',
      encodeCursor(['2026-01-01T00:00:00.000Z', 'x']),
      ['serial'],
    ],
  ] as Array<[string, string, CursorPart[]]>)(
    'refuses %s with a 400 naming the field',
    (_what, cursor, shape) => {
      expect(() => decodeCursor(cursor, 'cursor', shape)).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message:
            'cursor is not a cursor this API returned; pass nextCursor from a previous page',
        }),
      );
    },
  );
});
