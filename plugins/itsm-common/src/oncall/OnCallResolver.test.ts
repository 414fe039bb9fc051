import { whoIsOnCall } from './OnCallResolver';
import { OnCallLayer, OnCallOverride } from './types';
import {
  FRIDAY_NIGHT,
  PRIMARY,
  SECONDARY,
  TEAM,
  schedule,
} from './__testUtils__/paymentsSchedule';

describe('whoIsOnCall', () => {
  it.each`
    case                                         | at                        | user            | source        | until                         | next
    ${'rotation, before an override'}            | ${'2026-03-13T12:00:00Z'} | ${'user:bob'}   | ${'rotation'} | ${'2026-03-13T17:00:00.000Z'} | ${['user:erin', '2026-03-13T17:00:00.000Z']}
    ${'override starts (from is inclusive)'}     | ${'2026-03-13T17:00:00Z'} | ${'user:erin'}  | ${'override'} | ${'2026-03-14T07:00:00.000Z'} | ${['user:bob', '2026-03-14T07:00:00.000Z']}
    ${'Friday night: override wins'}             | ${'2026-03-13T23:00:00Z'} | ${'user:erin'}  | ${'override'} | ${'2026-03-14T07:00:00.000Z'} | ${['user:bob', '2026-03-14T07:00:00.000Z']}
    ${'rotation user resumes (to is exclusive)'} | ${'2026-03-14T07:00:00Z'} | ${'user:bob'}   | ${'rotation'} | ${'2026-03-15T19:00:00.000Z'} | ${['user:frank', '2026-03-15T19:00:00.000Z']}
    ${'override across the handoff, before it'}  | ${'2026-03-15T22:00:00Z'} | ${'user:frank'} | ${'override'} | ${'2026-03-16T11:00:00.000Z'} | ${['user:alice', '2026-03-16T11:00:00.000Z']}
    ${'override across the handoff, after it'}   | ${'2026-03-16T09:00:00Z'} | ${'user:frank'} | ${'override'} | ${'2026-03-16T11:00:00.000Z'} | ${['user:alice', '2026-03-16T11:00:00.000Z']}
    ${'next shift owner takes over late'}        | ${'2026-03-16T11:00:00Z'} | ${'user:alice'} | ${'rotation'} | ${'2026-03-23T08:00:00.000Z'} | ${['user:bob', '2026-03-23T08:00:00.000Z']}
    ${'plain week'}                              | ${'2026-03-04T12:00:00Z'} | ${'user:alice'} | ${'rotation'} | ${'2026-03-09T08:00:00.000Z'} | ${['user:bob', '2026-03-09T08:00:00.000Z']}
  `('primary: $case', ({ at, user, source, until, next }) => {
    expect(whoIsOnCall(TEAM, at)[0]).toEqual({
      layer: 'primary',
      user,
      source,
      until,
      next: { user: next[0], from: next[1] },
    });
  });

  it('answers every layer, in layer order', () => {
    expect(whoIsOnCall(TEAM, '2026-03-13T20:00:00Z')).toEqual([
      {
        layer: 'primary',
        user: 'user:erin',
        source: 'override',
        until: '2026-03-14T07:00:00.000Z',
        next: { user: 'user:bob', from: '2026-03-14T07:00:00.000Z' },
      },
      {
        layer: 'secondary',
        user: 'user:dave',
        source: 'rotation',
        until: '2026-03-14T08:00:00.000Z',
        next: { user: 'user:carol', from: '2026-03-14T08:00:00.000Z' },
      },
    ]);
  });

  it('skips the same person when looking for the next one', () => {
    const repeated = {
      ...PRIMARY,
      users: ['user:alice', 'user:alice', 'user:bob'],
    };
    expect(whoIsOnCall(schedule([repeated]), '2026-03-03T00:00:00Z')).toEqual([
      {
        layer: 'primary',
        user: 'user:alice',
        source: 'rotation',
        until: '2026-03-09T08:00:00.000Z',
        next: { user: 'user:bob', from: '2026-03-16T08:00:00.000Z' },
      },
    ]);
  });

  it('looks past an override that covers the next person’s whole shift', () => {
    const cover: OnCallOverride = {
      layer: 'primary',
      user: 'user:alice',
      from: '2026-03-09T08:00:00Z',
      to: '2026-03-16T08:00:00Z',
    };
    // alice's rotation shift, then her override over bob's week, then her own week.
    const [primary] = whoIsOnCall(
      schedule(
        [{ ...PRIMARY, users: ['user:alice', 'user:bob', 'user:carol'] }],
        [cover],
      ),
      '2026-03-03T00:00:00Z',
    );
    expect(primary).toEqual({
      layer: 'primary',
      user: 'user:alice',
      source: 'rotation',
      until: '2026-03-09T08:00:00.000Z',
      next: { user: 'user:carol', from: '2026-03-16T08:00:00.000Z' },
    });
  });

  it('has no next person in a one-user rotation', () => {
    const solo = { ...PRIMARY, users: ['user:alice'] };
    expect(whoIsOnCall(schedule([solo]), '2026-03-10T00:00:00Z')).toEqual([
      {
        layer: 'primary',
        user: 'user:alice',
        source: 'rotation',
        until: '2026-03-16T08:00:00.000Z',
      },
    ]);
  });

  describe('when nobody is on call', () => {
    const EMPTY: OnCallLayer = { ...SECONDARY, users: [] };
    const cover: OnCallOverride = {
      layer: 'secondary',
      user: 'user:gina',
      from: '2026-03-10T00:00:00Z',
      to: '2026-03-11T00:00:00Z',
    };

    it.each`
      case                                  | layers         | overrides  | at                        | expected
      ${'empty rotation'}                   | ${[EMPTY]}     | ${[]}      | ${'2026-03-10T12:00:00Z'} | ${{ layer: 'secondary' }}
      ${'empty rotation, override to come'} | ${[EMPTY]}     | ${[cover]} | ${'2026-03-09T12:00:00Z'} | ${{ layer: 'secondary', until: '2026-03-10T00:00:00.000Z', next: { user: 'user:gina', from: '2026-03-10T00:00:00.000Z' } }}
      ${'empty rotation, inside override'}  | ${[EMPTY]}     | ${[cover]} | ${'2026-03-10T12:00:00Z'} | ${{ layer: 'secondary', user: 'user:gina', source: 'override', until: '2026-03-11T00:00:00.000Z' }}
      ${'empty rotation, override is over'} | ${[EMPTY]}     | ${[cover]} | ${'2026-03-11T00:00:00Z'} | ${{ layer: 'secondary' }}
      ${'before the start date'}            | ${[SECONDARY]} | ${[]}      | ${'2026-02-20T12:00:00Z'} | ${{ layer: 'secondary', until: '2026-03-02T08:00:00.000Z', next: { user: 'user:carol', from: '2026-03-02T08:00:00.000Z' } }}
      ${'start date, before the handoff'}   | ${[SECONDARY]} | ${[]}      | ${'2026-03-02T07:59:59Z'} | ${{ layer: 'secondary', until: '2026-03-02T08:00:00.000Z', next: { user: 'user:carol', from: '2026-03-02T08:00:00.000Z' } }}
    `('$case', ({ layers, overrides, at, expected }) => {
      expect(whoIsOnCall(schedule(layers, overrides), at)).toEqual([expected]);
    });

    it('reports the empty layer next to a staffed one', () => {
      expect(
        whoIsOnCall(schedule([PRIMARY, EMPTY]), '2026-03-04T12:00:00Z').map(
          e => [e.layer, e.user],
        ),
      ).toEqual([
        ['primary', 'user:alice'],
        ['secondary', undefined],
      ]);
    });
  });

  it('ignores overrides of other or unknown layers and empty overrides', () => {
    const stray: OnCallOverride[] = [
      { ...FRIDAY_NIGHT, layer: 'tertiary' },
      { ...FRIDAY_NIGHT, layer: 'secondary' },
      { ...FRIDAY_NIGHT, to: FRIDAY_NIGHT.from },
    ];
    expect(
      whoIsOnCall(schedule([PRIMARY], stray), '2026-03-13T20:00:00Z'),
    ).toEqual([
      {
        layer: 'primary',
        user: 'user:bob',
        source: 'rotation',
        until: '2026-03-16T08:00:00.000Z',
        next: { user: 'user:alice', from: '2026-03-16T08:00:00.000Z' },
      },
    ]);
  });

  it('throws on an invalid instant or override', () => {
    expect(() => whoIsOnCall(TEAM, 'now')).toThrow(
      'Invalid instant: "now" is not an ISO 8601 timestamp',
    );
    expect(() =>
      whoIsOnCall(
        schedule([PRIMARY], [{ ...FRIDAY_NIGHT, to: 'Saturday' }]),
        '2026-03-13T20:00:00Z',
      ),
    ).toThrow(
      'Invalid overrides[0].to: "Saturday" is not an ISO 8601 timestamp',
    );
  });
});
