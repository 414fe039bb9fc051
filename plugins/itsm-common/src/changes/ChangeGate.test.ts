import fc from 'fast-check';
import { ChangeGateCandidate, decideChangeGate } from './ChangeGate';
import { ChangeFreeze } from './types';

const PAY = 'component:default/payments-api';
const LEDGER = 'component:default/ledger';

/** Window 10:00–12:00 on 1 December; the freeze below is on the 24th. */
const change = (
  ref: string,
  fields: Partial<ChangeGateCandidate> = {},
): ChangeGateCandidate => ({
  id: ref.toLowerCase(),
  ref,
  title: `Deploy ${ref}`,
  type: 'normal',
  status: 'scheduled',
  plannedStart: '2026-12-01T10:00:00.000Z',
  plannedEnd: '2026-12-01T12:00:00.000Z',
  approval: 'approved',
  ...fields,
});

const inFreeze = {
  plannedStart: '2026-12-24T08:00:00.000Z',
  plannedEnd: '2026-12-24T18:00:00.000Z',
};

const freezes: ChangeFreeze[] = [
  {
    name: 'year-end',
    from: '2026-12-20T00:00:00.000Z',
    to: '2027-01-03T00:00:00.000Z',
  },
  {
    name: 'ledger close',
    from: '2026-12-01T11:00:00.000Z',
    to: '2026-12-02T00:00:00.000Z',
    services: [LEDGER],
  },
];

const gate = (at: string, changes: ChangeGateCandidate[], entityRef = PAY) =>
  decideChangeGate({ entityRef, at, changes, freezes });

/** The verdict as one line: allowed or not, then each reason's code and change. */
const summary = (verdict: ReturnType<typeof decideChangeGate>) =>
  [
    verdict.allowed ? 'allowed' : 'blocked',
    ...verdict.reasons.map(r =>
      [r.code, r.changeRef, r.freeze].filter(Boolean).join(':'),
    ),
  ].join(' ');

describe('the change gate', () => {
  it.each`
    case                                              | at                            | changes                                                                                                                                                                                                                                                                             | expected
    ${'approved normal change, window open'}          | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-1')]}                                                                                                                                                                                                                                                                | ${'allowed change_window_open:CHG-1'}
    ${'exactly at the window start'}                  | ${'2026-12-01T10:00:00.000Z'} | ${[change('CHG-1')]}                                                                                                                                                                                                                                                                | ${'allowed change_window_open:CHG-1'}
    ${'exactly at the window end'}                    | ${'2026-12-01T12:00:00.000Z'} | ${[change('CHG-1')]}                                                                                                                                                                                                                                                                | ${'blocked no_change window_closed:CHG-1'}
    ${'a millisecond before the window'}              | ${'2026-12-01T09:59:59.999Z'} | ${[change('CHG-1')]}                                                                                                                                                                                                                                                                | ${'blocked no_change window_not_open:CHG-1'}
    ${'being implemented, window open'}               | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-1', { status: 'implement' })]}                                                                                                                                                                                                                                       | ${'allowed change_window_open:CHG-1'}
    ${'no change at all'}                             | ${'2026-12-01T11:00:00.000Z'} | ${[]}                                                                                                                                                                                                                                                                               | ${'blocked no_change'}
    ${'standard change, pre-approved'}                | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-2', { type: 'standard', approval: 'not_required' })]}                                                                                                                                                                                                                | ${'allowed change_window_open:CHG-2'}
    ${'awaiting approval'}                            | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-3', { status: 'authorize', approval: 'pending' })]}                                                                                                                                                                                                                  | ${'blocked no_change awaiting_approval:CHG-3'}
    ${'approved, waiting to be scheduled'}            | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-3', { status: 'authorize' })]}                                                                                                                                                                                                                                       | ${'blocked no_change not_scheduled:CHG-3'}
    ${'still in assess'}                              | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-3', { status: 'assess', approval: 'pending' })]}                                                                                                                                                                                                                     | ${'blocked no_change not_approved:CHG-3'}
    ${'rejected, back in assess'}                     | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-3', { status: 'assess', approval: 'rejected' })]}                                                                                                                                                                                                                    | ${'blocked no_change not_approved:CHG-3'}
    ${'cancelled'}                                    | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-4', { status: 'cancelled' })]}                                                                                                                                                                                                                                       | ${'blocked no_change change_cancelled:CHG-4'}
    ${'closed'}                                       | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-4', { status: 'closed' })]}                                                                                                                                                                                                                                          | ${'blocked no_change change_finished:CHG-4'}
    ${'in review'}                                    | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-4', { status: 'review' })]}                                                                                                                                                                                                                                          | ${'blocked no_change change_finished:CHG-4'}
    ${'a cancelled change long gone says nothing'}    | ${'2026-12-05T11:00:00.000Z'} | ${[change('CHG-4', { status: 'cancelled' })]}                                                                                                                                                                                                                                       | ${'blocked no_change'}
    ${'normal change in a freeze'}                    | ${'2026-12-24T10:00:00.000Z'} | ${[change('CHG-5', inFreeze)]}                                                                                                                                                                                                                                                      | ${'blocked frozen:CHG-5:year-end freeze:year-end'}
    ${'standard change in a freeze'}                  | ${'2026-12-24T10:00:00.000Z'} | ${[change('CHG-5', { ...inFreeze, type: 'standard', approval: 'not_required' })]}                                                                                                                                                                                                   | ${'blocked frozen:CHG-5:year-end freeze:year-end'}
    ${'standard change overriding a freeze'}          | ${'2026-12-24T10:00:00.000Z'} | ${[change('CHG-5', { ...inFreeze, type: 'standard', freezeOverrideReason: 'why not' })]}                                                                                                                                                                                            | ${'blocked frozen:CHG-5:year-end freeze:year-end'}
    ${'CAB-approved override of the freeze'}          | ${'2026-12-24T10:00:00.000Z'} | ${[change('CHG-5', { ...inFreeze, freezeOverrideReason: 'Card scheme deadline' })]}                                                                                                                                                                                                 | ${'allowed freeze_override:CHG-5:year-end'}
    ${'ECAB-approved emergency change in a freeze'}   | ${'2026-12-24T10:00:00.000Z'} | ${[change('CHG-6', { ...inFreeze, type: 'emergency', status: 'implement' })]}                                                                                                                                                                                                       | ${'allowed emergency_change:CHG-6:year-end'}
    ${'unapproved emergency change in a freeze'}      | ${'2026-12-24T10:00:00.000Z'} | ${[change('CHG-6', { ...inFreeze, type: 'emergency', status: 'implement', approval: 'pending' })]}                                                                                                                                                                                  | ${'blocked frozen:CHG-6:year-end freeze:year-end'}
    ${'emergency change implemented before approval'} | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-6', { type: 'emergency', status: 'implement', approval: 'pending' })]}                                                                                                                                                                                               | ${'allowed emergency_change:CHG-6'}
    ${'emergency change the ECAB rejected'}           | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-6', { type: 'emergency', status: 'implement', approval: 'rejected' })]}                                                                                                                                                                                              | ${'blocked no_change approval_rejected:CHG-6'}
    ${'a freeze of another service'}                  | ${'2026-12-01T11:30:00.000Z'} | ${[change('CHG-7')]}                                                                                                                                                                                                                                                                | ${'allowed change_window_open:CHG-7'}
    ${'no change during a freeze'}                    | ${'2026-12-24T10:00:00.000Z'} | ${[]}                                                                                                                                                                                                                                                                               | ${'blocked no_change freeze:year-end'}
    ${'exactly when the freeze ends'}                 | ${'2027-01-03T00:00:00.000Z'} | ${[change('CHG-8', { plannedStart: '2027-01-02T22:00:00.000Z', plannedEnd: '2027-01-03T02:00:00.000Z' })]}                                                                                                                                                                          | ${'allowed change_window_open:CHG-8'}
    ${'several in one window: in ref order'}          | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-1000', { status: 'assess' }), change('CHG-999', { status: 'authorize', approval: 'pending' })]}                                                                                                                                                                      | ${'blocked no_change awaiting_approval:CHG-999 not_approved:CHG-1000'}
    ${'several: one open wins over the rest'}         | ${'2026-12-01T11:00:00.000Z'} | ${[change('CHG-9', { status: 'authorize', approval: 'pending' }), change('CHG-10')]}                                                                                                                                                                                                | ${'allowed change_window_open:CHG-10'}
    ${'several: every reason, in window order'}       | ${'2026-12-01T09:00:00.000Z'} | ${[change('CHG-12', { plannedStart: '2026-12-01T13:00:00.000Z', plannedEnd: '2026-12-01T14:00:00.000Z' }), change('CHG-11', { plannedStart: '2026-12-01T08:00:00.000Z', plannedEnd: '2026-12-01T08:30:00.000Z' }), change('CHG-13', { status: 'authorize', approval: 'pending' })]} | ${'blocked no_change window_closed:CHG-11 awaiting_approval:CHG-13 window_not_open:CHG-12'}
  `('$case', ({ at, changes, expected }) => {
    expect(summary(gate(at, changes))).toBe(expected);
  });

  it('blocks at the service freeze only the frozen service', () => {
    const ledgerChange = change('CHG-20');
    expect(
      summary(gate('2026-12-01T11:30:00.000Z', [ledgerChange], LEDGER)),
    ).toBe('blocked frozen:CHG-20:ledger close freeze:ledger close');
    expect(
      summary(gate('2026-12-01T10:30:00.000Z', [ledgerChange], LEDGER)),
    ).toBe('allowed change_window_open:CHG-20');
  });

  it('says why in words a pipeline log can show', () => {
    const blocked = gate('2026-12-24T10:00:00.000Z', [
      change('CHG-12', {
        plannedStart: '2027-01-05T10:00:00.000Z',
        plannedEnd: '2027-01-05T11:00:00.000Z',
      }),
      change('CHG-13', {
        ...inFreeze,
        status: 'authorize',
        approval: 'pending',
      }),
    ]);
    expect(blocked).toEqual({
      entityRef: PAY,
      at: '2026-12-24T10:00:00.000Z',
      allowed: false,
      reasons: [
        {
          code: 'no_change',
          message: `No approved change of ${PAY} has its window open at 2026-12-24T10:00:00.000Z`,
        },
        {
          code: 'awaiting_approval',
          changeRef: 'CHG-13',
          message: 'CHG-13 is awaiting approval',
        },
        {
          code: 'window_not_open',
          changeRef: 'CHG-12',
          at: '2027-01-05T10:00:00.000Z',
          message: "CHG-12's window opens at 2027-01-05T10:00:00.000Z",
        },
        {
          code: 'freeze',
          freeze: 'year-end',
          at: '2027-01-03T00:00:00.000Z',
          message:
            "Freeze 'year-end' until 2027-01-03T00:00:00.000Z: only emergency changes approved by the ECAB may proceed",
        },
      ],
    });
  });

  it('names the change that authorises it and until when', () => {
    const verdict = gate('2026-12-01T11:00:00.000Z', [
      change('CHG-1'),
      change('CHG-2', { plannedEnd: '2026-12-01T15:00:00.000Z' }),
    ]);
    expect(verdict).toMatchObject({
      allowed: true,
      change: { ref: 'CHG-2' },
      until: '2026-12-01T15:00:00.000Z',
      reasons: [
        {
          code: 'change_window_open',
          changeRef: 'CHG-2',
          message:
            'CHG-2 (normal change, scheduled) has its window open until 2026-12-01T15:00:00.000Z',
        },
      ],
    });
  });

  it('ends the answer where a freeze starts inside the window', () => {
    const long = {
      plannedStart: '2026-12-19T20:00:00.000Z',
      plannedEnd: '2026-12-20T04:00:00.000Z',
    };
    expect(
      gate('2026-12-19T22:00:00.000Z', [change('CHG-30', long)]).until,
    ).toBe('2026-12-20T00:00:00.000Z');
    expect(
      gate('2026-12-19T22:00:00.000Z', [
        change('CHG-31', { ...long, type: 'emergency' }),
      ]).until,
    ).toBe('2026-12-20T04:00:00.000Z');
  });
});

describe('the change gate (properties)', () => {
  const HOUR = 3600_000;
  const base = Date.parse('2026-12-01T00:00:00.000Z');
  const iso = (hours: number) => new Date(base + hours * HOUR).toISOString();
  const window = fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([start, length]) => [iso(start), iso(start + length)] as const);
  const candidate = fc.record({
    ref: fc.integer({ min: 1, max: 99 }).map(n => `CHG-${n}`),
    type: fc.constantFrom<ChangeGateCandidate['type']>(
      'standard',
      'normal',
      'emergency',
    ),
    status: fc.constantFrom<ChangeGateCandidate['status']>(
      'new',
      'assess',
      'authorize',
      'scheduled',
      'implement',
      'review',
      'closed',
      'cancelled',
    ),
    approval: fc.constantFrom<ChangeGateCandidate['approval']>(
      'not_required',
      'pending',
      'approved',
      'rejected',
    ),
    window,
    override: fc.boolean(),
  });
  const freeze = fc.record({
    window,
    everywhere: fc.boolean(),
  });

  it('allows only under an authorised change whose window is open, and never past a freeze it may not pass', () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 5 }),
        fc.array(freeze, { maxLength: 2 }),
        fc.integer({ min: 0, max: 16 }),
        (candidates, frozen, hour) => {
          const at = iso(hour);
          const generated: ChangeFreeze[] = frozen.map((f, i) => ({
            name: `freeze-${i}`,
            from: f.window[0],
            to: f.window[1],
            services: f.everywhere ? undefined : [LEDGER],
          }));
          const verdict = decideChangeGate({
            entityRef: PAY,
            at,
            freezes: generated,
            changes: candidates.map((c, i) =>
              change(`${c.ref}-${i}`, {
                type: c.type,
                status: c.status,
                approval: c.approval,
                plannedStart: c.window[0],
                plannedEnd: c.window[1],
                freezeOverrideReason: c.override ? 'because' : undefined,
              }),
            ),
          });
          expect(verdict.reasons.length).toBeGreaterThan(0);
          if (!verdict.allowed) return;
          const chosen = verdict.change!;
          // PAY is frozen only by the estate-wide freezes
          const frozenNow = generated.some(
            f => !f.services && f.from <= at && at < f.to,
          );
          const mayPassFreeze =
            (chosen.type === 'emergency' && chosen.approval === 'approved') ||
            (chosen.type === 'normal' && !!chosen.freezeOverrideReason);
          expect({
            authorised: ['scheduled', 'implement'].includes(chosen.status),
            windowOpen: chosen.plannedStart <= at && at < chosen.plannedEnd,
            untilInWindow:
              at < verdict.until! && verdict.until! <= chosen.plannedEnd,
            passesFreeze: !frozenNow || mayPassFreeze,
          }).toEqual({
            authorised: true,
            windowOpen: true,
            untilInWindow: true,
            passesFreeze: true,
          });
        },
      ),
      // Small windows and many runs, so freezes and open windows meet often
      { numRuns: 1000 },
    );
  });
});
