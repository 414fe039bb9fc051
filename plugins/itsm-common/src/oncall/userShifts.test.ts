import { userShifts } from './userShifts';
import {
  FRIDAY_NIGHT,
  PRIMARY,
  SECONDARY,
  schedule,
} from './__testUtils__/paymentsSchedule';

function duty(...args: Parameters<typeof userShifts>) {
  return userShifts(...args).map(s => [s.layer, s.from, s.to, s.source]);
}

describe('userShifts', () => {
  it("lists only the user's shifts, across layers, by start", () => {
    const both = schedule(
      [PRIMARY, { ...SECONDARY, users: ['user:carol', 'user:bob'] }],
      [],
    );
    // Week of 2026-03-09: bob is primary all week, secondary every other day
    expect(
      duty(both, 'user:bob', '2026-03-09T08:00:00Z', '2026-03-12T08:00:00Z'),
    ).toEqual([
      [
        'primary',
        '2026-03-09T08:00:00.000Z',
        '2026-03-12T08:00:00.000Z',
        'rotation',
      ],
      [
        'secondary',
        '2026-03-09T08:00:00.000Z',
        '2026-03-10T08:00:00.000Z',
        'rotation',
      ],
      [
        'secondary',
        '2026-03-11T08:00:00.000Z',
        '2026-03-12T08:00:00.000Z',
        'rotation',
      ],
    ]);
    expect(
      duty(both, 'user:dave', '2026-03-09T08:00:00Z', '2026-03-12T08:00:00Z'),
    ).toEqual([]);
  });

  it('clips to the window and merges a one-person rotation', () => {
    const alone = schedule([{ ...SECONDARY, users: ['user:carol'] }]);
    expect(
      duty(alone, 'user:carol', '2026-03-10T12:00:00Z', '2026-03-13T12:00:00Z'),
    ).toEqual([
      [
        'secondary',
        '2026-03-10T12:00:00.000Z',
        '2026-03-13T12:00:00.000Z',
        'rotation',
      ],
    ]);
  });

  it("counts an override as the stand-in's shift and cuts it out of the rotation user's", () => {
    const team = schedule([PRIMARY], [FRIDAY_NIGHT]);
    const window = ['2026-03-13T00:00:00Z', '2026-03-15T00:00:00Z'] as const;
    expect(duty(team, 'user:erin', ...window)).toEqual([
      [
        'primary',
        '2026-03-13T17:00:00.000Z',
        '2026-03-14T07:00:00.000Z',
        'override',
      ],
    ]);
    expect(duty(team, 'user:bob', ...window)).toEqual([
      [
        'primary',
        '2026-03-13T00:00:00.000Z',
        '2026-03-13T17:00:00.000Z',
        'rotation',
      ],
      [
        'primary',
        '2026-03-14T07:00:00.000Z',
        '2026-03-15T00:00:00.000Z',
        'rotation',
      ],
    ]);
  });
});
