import fc from 'fast-check';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Dates on and past the edges of the calendar and of JavaScript's Date. */
export const BOUNDARY_DATES = [
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-01T24:00:00Z',
  '-271821-04-20T00:00:00Z',
  '-271821-04-19T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '+275760-09-14T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '2026-11-01',
  '2026-11-01T10:00:00+14:00',
  'yesterday',
  '',
];

/** Cursors of the wrong shape, wrong types, wrong encoding, or too long. */
export const BAD_CURSORS = [
  'W10',
  base64url('["garbage","x"]'),
  base64url('["2026-01-01T00:00:00Z"]'),
  base64url('["2026-01-01T00:00:00Z","00000000-0000-0000-0000-000000000000"]'),
  base64url('[1,2]'),
  base64url('[null,null]'),
  base64url('{"__proto__":{"x":1}}'),
  base64url('null'),
  base64url('"x"'),
  base64url('["+275760-09-13T00:00:00Z","x"]'),
  'not base64!',
  '%%%',
  'x'.repeat(600),
];

/** Limits the spec's 1–500 must refuse, and some it must accept. */
export const BAD_LIMITS = [
  'Infinity',
  '-Infinity',
  'NaN',
  '0x10',
  '1e2',
  '-1',
  '0',
  '501',
  '1.5',
  ' 5',
  '9007199254740993',
  '',
  '1',
  '500',
];

const prototypePoison = () =>
  JSON.parse(
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  );

/** Values no field wants: wrong types, huge and odd strings, poisoned objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53 + 1,
    -(2 ** 63),
    1e308,
    '',
    ' ',
    '1',
    '-1',
    '1e3',
    'Infinity',
    '0x10',
    'true',
    'null',
    '[]',
    '__proto__',
    'constructor',
    'component:default/',
    'component:default/nope',
    'user:default/alice',
    'group:default/sre',
    'system:default/payments',
    ':/',
    'a\u0000b',
    '\ud800',
    '\u202e\u0301\ufeff',
    'Ω≈ç√∫😀𝕏',
    "'; drop table itsm_incidents; --",
    '%_\\',
    '../../etc/passwd',
    'x'.repeat(401),
    'x'.repeat(20_001),
    '😀'.repeat(300),
    [],
    [null],
    {},
  ),
  fc.constant(null).map(prototypePoison),
  fc.constantFrom(...BOUNDARY_DATES),
  fc.constantFrom(...BAD_CURSORS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double(),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);
