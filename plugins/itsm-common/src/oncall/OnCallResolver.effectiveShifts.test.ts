import { effectiveShifts, whoIsOnCall } from './OnCallResolver';
import { OnCallOverride, OnCallSchedule } from './types';
import {
  FRIDAY_NIGHT,
  PRIMARY,
  SECONDARY,
  TEAM,
  schedule,
} from './__testUtils__/paymentsSchedule';

/** Shifts as compact tuples for readable tables. */
function pieces(s: OnCallSchedule, layer: string, from: string, to: string) {
  return effectiveShifts(s, layer, from, to).map(p => [
    p.user,
    p.from,
    p.to,
    p.source,
  ]);
}

describe('effectiveShifts', () => {
  it('splits a shift around an override in its middle (three pieces)', () => {
    expect(
      pieces(
        schedule([PRIMARY], [FRIDAY_NIGHT]),
        'primary',
        '2026-03-09T08:00:00Z',
        '2026-03-16T08:00:00Z',
      ),
    ).toEqual([
      [
        'user:bob',
        '2026-03-09T08:00:00.000Z',
        '2026-03-13T17:00:00.000Z',
        'rotation',
      ],
      [
        'user:erin',
        '2026-03-13T17:00:00.000Z',
        '2026-03-14T07:00:00.000Z',
        'override',
      ],
      [
        'user:bob',
        '2026-03-14T07:00:00.000Z',
        '2026-03-16T08:00:00.000Z',
        'rotation',
      ],
    ]);
  });

  it('keeps an override across a handoff in one piece', () => {
    expect(
      pieces(TEAM, 'primary', '2026-03-15T00:00:00Z', '2026-03-17T00:00:00Z'),
    ).toEqual([
      [
        'user:bob',
        '2026-03-15T00:00:00.000Z',
        '2026-03-15T19:00:00.000Z',
        'rotation',
      ],
      [
        'user:frank',
        '2026-03-15T19:00:00.000Z',
        '2026-03-16T11:00:00.000Z',
        'override',
      ],
      [
        'user:alice',
        '2026-03-16T11:00:00.000Z',
        '2026-03-17T00:00:00.000Z',
        'rotation',
      ],
    ]);
  });

  it('clips pieces to the window and lists each layer on its own', () => {
    expect(
      pieces(TEAM, 'secondary', '2026-03-13T12:00:00Z', '2026-03-15T12:00:00Z'),
    ).toEqual([
      [
        'user:dave',
        '2026-03-13T12:00:00.000Z',
        '2026-03-14T08:00:00.000Z',
        'rotation',
      ],
      [
        'user:carol',
        '2026-03-14T08:00:00.000Z',
        '2026-03-15T08:00:00.000Z',
        'rotation',
      ],
      [
        'user:dave',
        '2026-03-15T08:00:00.000Z',
        '2026-03-15T12:00:00.000Z',
        'rotation',
      ],
    ]);
  });

  it('lets the later-listed override win where overrides overlap', () => {
    const long: OnCallOverride = {
      layer: 'primary',
      user: 'user:gina',
      from: '2026-03-10T00:00:00Z',
      to: '2026-03-10T12:00:00Z',
    };
    const short: OnCallOverride = {
      layer: 'primary',
      user: 'user:hank',
      from: '2026-03-10T04:00:00Z',
      to: '2026-03-10T06:00:00Z',
    };
    const window = ['2026-03-10T00:00:00Z', '2026-03-10T12:00:00Z'] as const;
    expect(
      pieces(schedule([PRIMARY], [long, short]), 'primary', ...window),
    ).toEqual([
      [
        'user:gina',
        '2026-03-10T00:00:00.000Z',
        '2026-03-10T04:00:00.000Z',
        'override',
      ],
      [
        'user:hank',
        '2026-03-10T04:00:00.000Z',
        '2026-03-10T06:00:00.000Z',
        'override',
      ],
      [
        'user:gina',
        '2026-03-10T06:00:00.000Z',
        '2026-03-10T12:00:00.000Z',
        'override',
      ],
    ]);
    expect(
      pieces(schedule([PRIMARY], [short, long]), 'primary', ...window),
    ).toEqual([
      [
        'user:gina',
        '2026-03-10T00:00:00.000Z',
        '2026-03-10T12:00:00.000Z',
        'override',
      ],
    ]);
  });

  it('leaves out the time nobody is on call', () => {
    const early: OnCallOverride = {
      layer: 'primary',
      user: 'user:gina',
      from: '2026-02-27T00:00:00Z',
      to: '2026-02-28T00:00:00Z',
    };
    expect(
      pieces(
        schedule([PRIMARY], [early]),
        'primary',
        '2026-02-26T00:00:00Z',
        '2026-03-03T00:00:00Z',
      ),
    ).toEqual([
      [
        'user:gina',
        '2026-02-27T00:00:00.000Z',
        '2026-02-28T00:00:00.000Z',
        'override',
      ],
      [
        'user:alice',
        '2026-03-02T08:00:00.000Z',
        '2026-03-03T00:00:00.000Z',
        'rotation',
      ],
    ]);
    expect(
      pieces(
        schedule([{ ...PRIMARY, users: [] }]),
        'primary',
        '2026-03-02T00:00:00Z',
        '2026-03-20T00:00:00Z',
      ),
    ).toEqual([]);
  });

  it('steps over a long override in one piece', () => {
    const sabbatical: OnCallOverride = {
      layer: 'secondary',
      user: 'user:gina',
      from: '2026-03-10T00:00:00Z',
      to: '2076-03-10T00:00:00Z',
    };
    const s = schedule([SECONDARY], [sabbatical]);
    expect(
      pieces(s, 'secondary', '2026-03-11T00:00:00Z', '2076-03-11T00:00:00Z'),
    ).toEqual([
      [
        'user:gina',
        '2026-03-11T00:00:00.000Z',
        '2076-03-10T00:00:00.000Z',
        'override',
      ],
      [
        'user:carol',
        '2076-03-10T00:00:00.000Z',
        '2076-03-10T08:00:00.000Z',
        'rotation',
      ],
      [
        'user:dave',
        '2076-03-10T08:00:00.000Z',
        '2076-03-11T00:00:00.000Z',
        'rotation',
      ],
    ]);
    expect(whoIsOnCall(s, '2030-01-01T00:00:00Z')[0]).toEqual({
      layer: 'secondary',
      user: 'user:gina',
      source: 'override',
      until: '2076-03-10T00:00:00.000Z',
      next: { user: 'user:carol', from: '2076-03-10T00:00:00.000Z' },
    });
  });

  it('is empty for an empty window and throws on an unknown layer', () => {
    expect(
      effectiveShifts(
        TEAM,
        'primary',
        '2026-03-10T00:00:00Z',
        '2026-03-10T00:00:00Z',
      ),
    ).toEqual([]);
    expect(() =>
      effectiveShifts(
        TEAM,
        'tertiary',
        '2026-03-10T00:00:00Z',
        '2026-03-11T00:00:00Z',
      ),
    ).toThrow('Unknown on-call layer "tertiary" in schedule "payments"');
  });
});
