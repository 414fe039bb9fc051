import fc from 'fast-check';
import {
  INCIDENT_STATUSES,
  IncidentStatus,
  OPEN_INCIDENT_STATUSES,
  allowedIncidentTransitions,
  canTransitionIncident,
  describeIllegalTransition,
  incidentActionLabel,
  isIncidentStatus,
  isOpenIncidentStatus,
  isReopen,
} from './IncidentLifecycle';

/** The lifecycle of DESIGN.md, written out: every legal move, nothing else. */
const ALLOWED: Array<[IncidentStatus, IncidentStatus]> = [
  ['new', 'acknowledged'],
  ['new', 'cancelled'],
  ['acknowledged', 'in_progress'],
  ['acknowledged', 'cancelled'],
  ['in_progress', 'on_hold'],
  ['in_progress', 'resolved'],
  ['in_progress', 'cancelled'],
  ['on_hold', 'in_progress'],
  ['on_hold', 'cancelled'],
  ['resolved', 'closed'],
  ['resolved', 'in_progress'],
];

const STATUSES: IncidentStatus[] = [
  'new',
  'acknowledged',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
];

const isAllowed = (from: IncidentStatus, to: IncidentStatus) =>
  ALLOWED.some(([f, t]) => f === from && t === to);

const ALL_PAIRS = STATUSES.flatMap(from =>
  STATUSES.map(to => [from, to, isAllowed(from, to)] as const),
);
const REFUSED = ALL_PAIRS.filter(([, , allowed]) => !allowed).map(
  ([from, to]) => [from, to] as const,
);

describe('incident statuses', () => {
  it('lists the seven statuses in lifecycle order', () => {
    expect(INCIDENT_STATUSES).toEqual(STATUSES);
  });

  it.each`
    status            | open
    ${'new'}          | ${true}
    ${'acknowledged'} | ${true}
    ${'in_progress'}  | ${true}
    ${'on_hold'}      | ${true}
    ${'resolved'}     | ${false}
    ${'closed'}       | ${false}
    ${'cancelled'}    | ${false}
  `('$status is open: $open', ({ status, open }) => {
    expect(isOpenIncidentStatus(status)).toBe(open);
    expect(OPEN_INCIDENT_STATUSES.includes(status)).toBe(open);
    expect(isIncidentStatus(status)).toBe(true);
  });

  it.each([['NEW'], ['open'], [''], [undefined], [null], [3], [{}]])(
    'isIncidentStatus(%p) is false',
    value => {
      expect(isIncidentStatus(value)).toBe(false);
    },
  );
});

describe('incident transitions', () => {
  it('checks all 49 pairs, 11 of them allowed', () => {
    expect(ALL_PAIRS).toHaveLength(49);
    expect(REFUSED).toHaveLength(38);
  });

  it.each(ALLOWED)('%s → %s is allowed', (from, to) => {
    expect(canTransitionIncident(from, to)).toBe(true);
    expect(allowedIncidentTransitions(from)).toContain(to);
  });

  it.each(REFUSED)('%s → %s is refused', (from, to) => {
    expect(canTransitionIncident(from, to)).toBe(false);
    expect(allowedIncidentTransitions(from)).not.toContain(to);
  });

  it.each(STATUSES)(
    'allowedIncidentTransitions(%s) is exactly the allowed list',
    from => {
      expect([...allowedIncidentTransitions(from)].sort()).toEqual(
        ALLOWED.filter(([f]) => f === from)
          .map(([, t]) => t)
          .sort(),
      );
    },
  );

  it.each(OPEN_INCIDENT_STATUSES)('%s can be cancelled', from => {
    expect(canTransitionIncident(from, 'cancelled')).toBe(true);
  });

  it.each(['closed', 'cancelled'] as const)('%s is final', from => {
    expect(allowedIncidentTransitions(from)).toEqual([]);
  });
});

describe('describeIllegalTransition', () => {
  it.each(
    REFUSED.filter(([from]) => from !== 'closed' && from !== 'cancelled'),
  )('%s → %s names the statuses allowed from %s', (from, to) => {
    const message = describeIllegalTransition(from, to);
    expect(message).toContain(`from ${from} to ${to}`);
    for (const allowed of allowedIncidentTransitions(from)) {
      expect(message).toContain(allowed);
    }
  });

  it('spells out the message', () => {
    expect(describeIllegalTransition('new', 'resolved')).toBe(
      'Cannot move an incident from new to resolved; allowed from new: acknowledged, cancelled',
    );
    expect(describeIllegalTransition('on_hold', 'resolved')).toBe(
      'Cannot move an incident from on_hold to resolved; allowed from on_hold: in_progress, cancelled',
    );
  });

  it.each(['closed', 'cancelled'] as const)('says %s is final', from => {
    expect(describeIllegalTransition(from, 'in_progress')).toBe(
      `Cannot move an incident from ${from} to in_progress; ${from} is final`,
    );
  });
});

describe('isReopen', () => {
  it.each(ALL_PAIRS.map(([from, to]) => [from, to] as const))(
    '%s → %s',
    (from, to) => {
      expect(isReopen(from, to)).toBe(
        from === 'resolved' && to === 'in_progress',
      );
    },
  );
});

describe('incidentActionLabel', () => {
  it.each`
    from              | to                | label
    ${'new'}          | ${'acknowledged'} | ${'Acknowledge'}
    ${'new'}          | ${'cancelled'}    | ${'Cancel incident'}
    ${'acknowledged'} | ${'in_progress'}  | ${'Start work'}
    ${'acknowledged'} | ${'cancelled'}    | ${'Cancel incident'}
    ${'in_progress'}  | ${'on_hold'}      | ${'Put on hold'}
    ${'in_progress'}  | ${'resolved'}     | ${'Resolve'}
    ${'in_progress'}  | ${'cancelled'}    | ${'Cancel incident'}
    ${'on_hold'}      | ${'in_progress'}  | ${'Resume'}
    ${'on_hold'}      | ${'cancelled'}    | ${'Cancel incident'}
    ${'resolved'}     | ${'closed'}       | ${'Close'}
    ${'resolved'}     | ${'in_progress'}  | ${'Reopen'}
  `('$from → $to reads "$label"', ({ from, to, label }) => {
    expect(incidentActionLabel(from, to)).toBe(label);
  });

  it('labels every allowed transition', () => {
    expect(ALLOWED).toHaveLength(11);
    for (const [from, to] of ALLOWED) {
      expect(incidentActionLabel(from, to)).toMatch(/^[A-Z]/);
    }
  });
});

describe('lifecycle properties', () => {
  const status = fc.constantFrom<IncidentStatus>(...STATUSES);

  it('any walk of allowed transitions from new never leaves a final state', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), choices => {
        let current: IncidentStatus = 'new';
        for (const choice of choices) {
          const next = allowedIncidentTransitions(current);
          if (!next.length) break;
          const to = next[choice % next.length];
          expect(canTransitionIncident(current, to)).toBe(true);
          current = to;
        }
        // Only closed and cancelled are dead ends.
        expect(allowedIncidentTransitions(current).length === 0).toBe(
          current === 'closed' || current === 'cancelled',
        );
      }),
    );
  });

  it('canTransitionIncident agrees with allowedIncidentTransitions', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        expect(canTransitionIncident(from, to)).toBe(
          allowedIncidentTransitions(from).includes(to),
        );
      }),
    );
  });

  it('no status moves to itself', () => {
    fc.assert(
      fc.property(status, s => {
        expect(canTransitionIncident(s, s)).toBe(false);
      }),
    );
  });
});
