import fc from 'fast-check';
import {
  checkPlannedWindow,
  findChangeConflicts,
  overlappingChangeIds,
  ScheduledChange,
  windowsOverlap,
} from './ChangeConflicts';
import { parseChangeConfig } from './ChangeConfig';

const PAY = 'component:default/payments-api';
const LEDGER = 'component:default/ledger';

const existing: ScheduledChange[] = [
  {
    id: 'a',
    ref: 'CHG-1001',
    title: 'Upgrade payments database',
    services: [PAY],
    start: '2026-12-01T10:00:00.000Z',
    end: '2026-12-01T12:00:00.000Z',
  },
  {
    id: 'b',
    ref: 'CHG-1002',
    title: 'Ledger reindex',
    services: [LEDGER],
    start: '2026-12-01T11:00:00.000Z',
    end: '2026-12-01T13:00:00.000Z',
  },
];

const freezes = parseChangeConfig({
  freezes: [
    {
      name: 'Year-end freeze',
      from: '2026-12-20T00:00:00Z',
      to: '2027-01-03T00:00:00Z',
    },
    {
      name: 'Ledger close',
      from: '2026-11-30T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      services: ['ledger'],
    },
  ],
}).freezes;

describe('change conflicts', () => {
  it.each`
    case                                   | services                     | start                         | end                           | expected
    ${'overlap on the same service'}       | ${[PAY]}                     | ${'2026-12-01T11:00:00.000Z'} | ${'2026-12-01T11:30:00.000Z'} | ${[`overlap:CHG-1001:${PAY}`]}
    ${'touching before is no overlap'}     | ${[PAY]}                     | ${'2026-12-01T09:00:00.000Z'} | ${'2026-12-01T10:00:00.000Z'} | ${[]}
    ${'touching after is no overlap'}      | ${[PAY]}                     | ${'2026-12-01T12:00:00.000Z'} | ${'2026-12-01T13:00:00.000Z'} | ${[]}
    ${'same time on another service'}      | ${['component:default/web']} | ${'2026-12-01T10:00:00.000Z'} | ${'2026-12-01T12:00:00.000Z'} | ${[]}
    ${'two services, two changes'}         | ${[PAY, LEDGER]}             | ${'2026-12-01T11:30:00.000Z'} | ${'2026-12-01T11:45:00.000Z'} | ${[`overlap:CHG-1001:${PAY}`, `overlap:CHG-1002:${LEDGER}`]}
    ${'estate-wide freeze'}                | ${['component:default/web']} | ${'2026-12-24T10:00:00.000Z'} | ${'2026-12-24T11:00:00.000Z'} | ${['freeze:Year-end freeze']}
    ${'touching the freeze start'}         | ${['component:default/web']} | ${'2026-12-19T23:00:00.000Z'} | ${'2026-12-20T00:00:00.000Z'} | ${[]}
    ${'service freeze on its service'}     | ${[LEDGER]}                  | ${'2026-11-30T10:00:00.000Z'} | ${'2026-11-30T11:00:00.000Z'} | ${['freeze:Ledger close']}
    ${'service freeze on another service'} | ${[PAY]}                     | ${'2026-11-30T10:00:00.000Z'} | ${'2026-11-30T11:00:00.000Z'} | ${[]}
  `('$case', ({ services, start, end, expected }) => {
    const found = findChangeConflicts(
      { services, start, end },
      existing,
      freezes,
    ).map(c =>
      c.kind === 'overlap'
        ? `overlap:${c.changeRef}:${c.service}`
        : `freeze:${c.freeze}`,
    );
    expect(found).toEqual(expected);
  });

  it('leaves out the change being rescheduled', () => {
    expect(
      findChangeConflicts({ ...existing[0], id: 'a' }, existing, []),
    ).toEqual([]);
  });

  it('overlap is symmetric and touching windows never overlap (property)', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    const window = fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 500 }),
      )
      .map(([s, len]) => ({
        start: new Date(base + s * 60_000).toISOString(),
        end: new Date(base + (s + len) * 60_000).toISOString(),
        s,
        e: s + len,
      }));
    fc.assert(
      fc.property(window, window, (a, b) => {
        expect(windowsOverlap(a, b)).toBe(windowsOverlap(b, a));
        expect(windowsOverlap(a, b)).toBe(a.s < b.e && b.s < a.e);
        const touching = {
          start: a.end,
          end: new Date(Date.parse(a.end) + 60_000).toISOString(),
        };
        expect(windowsOverlap(a, touching)).toBe(false);
      }),
    );
  });

  it.each`
    start                     | end                       | problem
    ${'2026-12-01T10:00:00Z'} | ${'2026-12-01T11:00:00Z'} | ${undefined}
    ${'tomorrow'}             | ${'2026-12-01T11:00:00Z'} | ${'plannedStart must be an ISO 8601 date-time'}
    ${'2026-12-01T10:00:00Z'} | ${'2026-12-01T10:00:00Z'} | ${'plannedEnd must be after plannedStart'}
  `('window $start – $end: $problem', ({ start, end, problem }) => {
    expect(checkPlannedWindow(start, end)).toBe(problem);
  });
});

describe('overlapping changes in a calendar', () => {
  it('marks both sides of an overlap on a shared service, not touching windows', () => {
    const touching = {
      ...existing[0],
      id: 'c',
      ref: 'CHG-1003',
      start: '2026-12-01T12:00:00.000Z',
      end: '2026-12-01T13:00:00.000Z',
    };
    const overlapping = { ...touching, id: 'd', services: [LEDGER, PAY] };
    expect([...overlappingChangeIds([...existing, touching])]).toEqual([]);
    expect(
      [...overlappingChangeIds([...existing, overlapping])].sort(),
    ).toEqual(['b', 'd']);
  });

  it('agrees with the pairwise rule (property)', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    const change = fc
      .record({
        s: fc.integer({ min: 0, max: 200 }),
        len: fc.integer({ min: 1, max: 60 }),
        services: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
      })
      .map(({ s, len, services }) => ({
        start: new Date(base + s * 60_000).toISOString(),
        end: new Date(base + (s + len) * 60_000).toISOString(),
        services,
      }));
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), list => {
        const changes = list.map((c, i) => ({
          ...c,
          id: String(i),
          ref: `CHG-${i}`,
          title: '',
        }));
        const expected = changes
          .filter(c => findChangeConflicts(c, changes, []).length > 0)
          .map(c => c.id);
        expect([...overlappingChangeIds(changes)].sort()).toEqual(
          expected.sort(),
        );
      }),
    );
  });
});

describe('change config', () => {
  it('qualifies group refs and reads freezes', () => {
    expect(
      parseChangeConfig({
        approvers: { high: ['cab', 'group:default/SRE'] },
        freezes: [
          { name: 'F', from: '2026-12-20', to: '2026-12-21', services: 'all' },
        ],
      }),
    ).toEqual({
      approvers: { high: ['group:default/cab', 'group:default/sre'] },
      freezes: [
        {
          name: 'F',
          from: '2026-12-20T00:00:00.000Z',
          to: '2026-12-21T00:00:00.000Z',
          services: undefined,
        },
      ],
    });
  });

  it.each`
    raw                                                                   | message
    ${{ approvers: { high: 'cab' } }}                                     | ${'itsm.changes.approvers.high must be a list of group refs'}
    ${{ freezes: [{ name: 'F', from: 'soon', to: '2026-12-21' }] }}       | ${'itsm.changes.freezes[0].from must be an ISO 8601 date or date-time'}
    ${{ freezes: [{ name: 'F', from: '2026-12-22', to: '2026-12-21' }] }} | ${'itsm.changes.freezes[0].to must be after itsm.changes.freezes[0].from'}
  `('refuses bad config: $message', ({ raw, message }) => {
    expect(() => parseChangeConfig(raw)).toThrow(message);
  });
});
