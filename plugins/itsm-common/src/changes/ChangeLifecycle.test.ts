import {
  allowedChangeTransitions,
  changeActionLabel,
  checkChangeTransition,
  editableChangeFields,
  isChangeStatus,
  isOpenChangeStatus,
} from './ChangeLifecycle';
import {
  CHANGE_STATUSES,
  ChangeApprovalStatus,
  ChangeStatus,
  ChangeType,
} from './types';

/** The lifecycles of the issue, written out per type: every legal move. */
const ALLOWED: Record<ChangeType, Array<[ChangeStatus, ChangeStatus]>> = {
  standard: [
    ['new', 'assess'],
    ['new', 'cancelled'],
    ['assess', 'scheduled'],
    ['assess', 'cancelled'],
    ['scheduled', 'implement'],
    ['scheduled', 'assess'],
    ['scheduled', 'cancelled'],
    ['implement', 'review'],
    ['review', 'closed'],
  ],
  normal: [
    ['new', 'assess'],
    ['new', 'cancelled'],
    ['assess', 'authorize'],
    ['assess', 'cancelled'],
    ['authorize', 'scheduled'],
    ['authorize', 'assess'],
    ['authorize', 'cancelled'],
    ['scheduled', 'implement'],
    ['scheduled', 'assess'],
    ['scheduled', 'cancelled'],
    ['implement', 'review'],
    ['review', 'closed'],
  ],
  emergency: [
    ['new', 'assess'],
    ['new', 'cancelled'],
    ['assess', 'authorize'],
    ['assess', 'implement'],
    ['assess', 'cancelled'],
    ['authorize', 'scheduled'],
    ['authorize', 'implement'],
    ['authorize', 'assess'],
    ['authorize', 'cancelled'],
    ['scheduled', 'implement'],
    ['scheduled', 'assess'],
    ['scheduled', 'cancelled'],
    ['implement', 'review'],
    ['review', 'closed'],
  ],
};

const approved: ChangeApprovalStatus = {
  state: 'approved',
  missingGroups: [],
  missing: 0,
};
const pending: ChangeApprovalStatus = {
  state: 'pending',
  missingGroups: ['group:default/cab'],
  missing: 1,
};
const closing = {
  outcome: 'successful' as const,
  actualStart: '2026-11-01T10:00:00Z',
  actualEnd: '2026-11-01T11:00:00Z',
};

const TABLE = (Object.keys(ALLOWED) as ChangeType[]).flatMap(type =>
  CHANGE_STATUSES.flatMap(from =>
    CHANGE_STATUSES.map(
      to =>
        [
          type,
          from,
          to,
          ALLOWED[type].some(([f, t]) => f === from && t === to),
        ] as const,
    ),
  ),
);

describe('change lifecycle', () => {
  it('checks all 3 × 64 pairs', () => {
    expect(TABLE).toHaveLength(192);
    expect(TABLE.filter(([, , , ok]) => ok)).toHaveLength(9 + 12 + 14);
  });

  it.each(TABLE)('%s: %s → %s allowed: %p', (type, from, to, ok) => {
    expect(allowedChangeTransitions(type, from).includes(to)).toBe(ok);
  });

  it.each(TABLE.filter(([, , , ok]) => ok))(
    '%s: %s → %s passes the check when its guards are met',
    (type, from, to) => {
      expect(
        checkChangeTransition({
          type,
          from,
          to,
          approval: approved,
          ...closing,
        }),
      ).toBeUndefined();
    },
  );

  it.each(
    TABLE.filter(([, , , ok]) => !ok).map(([type, from, to]) => [
      type,
      from,
      to,
      allowedChangeTransitions(type, from).length
        ? `allowed from ${from}: `
        : 'is final',
    ]),
  )('%s: %s → %s is refused, saying %p', (type, from, to, says) => {
    expect(
      checkChangeTransition({ type, from, to, approval: approved, ...closing }),
    ).toContain(says);
  });

  it('standard changes skip authorize', () => {
    expect(allowedChangeTransitions('standard', 'assess')).not.toContain(
      'authorize',
    );
    expect(
      checkChangeTransition({
        type: 'standard',
        from: 'review',
        to: 'closed',
        approval: { state: 'not_required', missingGroups: [], missing: 0 },
        ...closing,
      }),
    ).toBeUndefined();
  });

  it('a normal change leaves authorize for scheduled only when approved', () => {
    const input = { type: 'normal' as const, from: 'authorize' as const };
    expect(
      checkChangeTransition({ ...input, to: 'scheduled', approval: pending }),
    ).toBe(
      'Cannot schedule before the change is approved; still waiting for an approval from group:default/cab',
    );
    expect(
      checkChangeTransition({ ...input, to: 'scheduled', approval: approved }),
    ).toBeUndefined();
  });

  it('emergency path: implemented before approval, closed only once approved in review', () => {
    expect(
      checkChangeTransition({
        type: 'emergency',
        from: 'assess',
        to: 'implement',
        approval: pending,
      }),
    ).toBeUndefined();
    expect(
      checkChangeTransition({
        type: 'emergency',
        from: 'review',
        to: 'closed',
        approval: pending,
        ...closing,
      }),
    ).toMatch(/not approved; still waiting for an approval from group/);
    expect(
      checkChangeTransition({
        type: 'emergency',
        from: 'review',
        to: 'closed',
        approval: approved,
        ...closing,
      }),
    ).toBeUndefined();
  });

  it.each`
    missing                       | message
    ${{ outcome: undefined }}     | ${/outcome is required/}
    ${{ actualStart: undefined }} | ${/actualStart and actualEnd are required/}
    ${{ actualEnd: undefined }}   | ${/actualStart and actualEnd are required/}
  `(
    'closing needs an outcome and actual times: $message',
    ({ missing, message }) => {
      expect(
        checkChangeTransition({
          type: 'normal',
          from: 'review',
          to: 'closed',
          approval: approved,
          ...closing,
          ...missing,
        }),
      ).toMatch(message);
    },
  );

  it.each`
    status         | open
    ${'new'}       | ${true}
    ${'review'}    | ${true}
    ${'closed'}    | ${false}
    ${'cancelled'} | ${false}
  `('$status is open: $open', ({ status, open }) => {
    expect(isOpenChangeStatus(status)).toBe(open);
    expect(isChangeStatus(status)).toBe(true);
  });

  it.each`
    status         | field                 | editable
    ${'assess'}    | ${'affectedServices'} | ${true}
    ${'authorize'} | ${'affectedServices'} | ${false}
    ${'authorize'} | ${'plannedStart'}     | ${false}
    ${'scheduled'} | ${'plannedStart'}     | ${true}
    ${'scheduled'} | ${'risk'}             | ${false}
    ${'implement'} | ${'outcome'}          | ${true}
    ${'closed'}    | ${'outcome'}          | ${false}
    ${'closed'}    | ${'problemRef'}       | ${true}
  `('$field editable in $status: $editable', ({ status, field, editable }) => {
    expect(editableChangeFields(status).includes(field)).toBe(editable);
  });

  it('labels actions', () => {
    expect(changeActionLabel('new', 'assess')).toBe('Start assessment');
    expect(changeActionLabel('authorize', 'assess')).toBe('Back to assessment');
    expect(changeActionLabel('assess', 'authorize')).toBe('Request approval');
  });
});
