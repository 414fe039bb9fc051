import fc from 'fast-check';
import { parseTimestamp, TIMESTAMP_YEARS } from './parseTimestamp';

describe('parseTimestamp', () => {
  it.each([
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00.123Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01T09:30Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00+02:00', '2026-03-01T07:30:00.000Z'],
    ['2026-03-01T09:30:00-0130', '2026-03-01T11:00:00.000Z'],
    ['2026-03-01T09:30:00', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
    ['2200-12-31T23:59:59.999Z', '2200-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseTimestamp('at', value)).toBe(iso);
  });

  it.each([
    ['2026-02-30T00:00:00Z', 'real calendar date'],
    ['2025-02-29T00:00:00Z', 'real calendar date'],
    ['2026-13-01T00:00:00Z', 'real calendar date'],
    ['2026-02-28T24:00:00Z', 'real calendar date'],
    ['2026-01-01T10:00:60Z', 'real calendar date'],
    ['-271821-04-20T00:00:00Z', 'real calendar date'],
    ['+275760-09-13T00:00:00Z', 'real calendar date'],
    ['2026-W01', 'real calendar date'],
    ['2026-001', 'real calendar date'],
    ['10:00', 'real calendar date'],
    [' 2026-03-01', 'real calendar date'],
    ['March 1, 2026', 'real calendar date'],
    ['1772357400000', 'real calendar date'],
    ['', 'real calendar date'],
    [12345, 'real calendar date'],
    [null, 'real calendar date'],
    ['0000-01-01T00:00:00Z', 'years 1970–2200'],
    ['9999-12-31T00:00:00Z', 'years 1970–2200'],
    ['1969-12-31T23:59:59Z', 'years 1970–2200'],
    ['2201-01-01T00:00:00Z', 'years 1970–2200'],
    ['2200-12-31T23:00:00-05:00', 'years 1970–2200'],
  ])('refuses %j (%s), naming the field', (value, why) => {
    expect(() => parseTimestamp('occurredAt', value)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(new RegExp(`^occurredAt .*${why}`)),
      }),
    );
  });

  it('reads back every instant in range that it formats, unchanged', () => {
    const min = Date.UTC(TIMESTAMP_YEARS.earliest, 0, 1);
    const max = Date.UTC(TIMESTAMP_YEARS.latest + 1, 0, 1) - 1;
    fc.assert(
      fc.property(fc.integer({ min, max }), ms => {
        const iso = new Date(ms).toISOString();
        expect(parseTimestamp('at', iso)).toBe(iso);
      }),
    );
  });

  it('returns an in-range UTC instant or throws an InputError, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
        ),
        value => {
          let iso: string;
          try {
            iso = parseTimestamp('at', value);
          } catch (e) {
            expect((e as Error).name).toBe('InputError');
            return;
          }
          const year = new Date(iso).getUTCFullYear();
          expect(year).toBeGreaterThanOrEqual(TIMESTAMP_YEARS.earliest);
          expect(year).toBeLessThanOrEqual(TIMESTAMP_YEARS.latest);
        },
      ),
    );
  });
});
