import {
  afterApprovalDecision,
  ApprovalCheckInput,
  changeTakesApprovals,
  approvalStatus,
  checkApproval,
  requiredApprovers,
} from './ChangeApprovals';

const CAB = 'group:default/cab';
const SRE = 'group:default/sre';

describe('required approvers', () => {
  const config = { high: [CAB, SRE], medium: [CAB] };
  it.each`
    type           | risk        | groups
    ${'standard'}  | ${'high'}   | ${[]}
    ${'normal'}    | ${'high'}   | ${[CAB, SRE]}
    ${'normal'}    | ${'medium'} | ${[CAB]}
    ${'normal'}    | ${'low'}    | ${[]}
    ${'emergency'} | ${'high'}   | ${[CAB, SRE]}
  `('$type/$risk → $groups', ({ type, risk, groups }) => {
    expect(requiredApprovers(type, risk, config)).toEqual(groups);
  });
});

describe('approval status', () => {
  const approve = (group?: string) => ({
    decision: 'approved' as const,
    group,
  });
  it.each`
    type           | required      | approvals                                               | state             | missingGroups
    ${'standard'}  | ${[CAB]}      | ${[]}                                                   | ${'not_required'} | ${[]}
    ${'normal'}    | ${[CAB, SRE]} | ${[]}                                                   | ${'pending'}      | ${[CAB, SRE]}
    ${'normal'}    | ${[CAB, SRE]} | ${[approve(CAB)]}                                       | ${'pending'}      | ${[SRE]}
    ${'normal'}    | ${[CAB, SRE]} | ${[approve(CAB), approve(SRE)]}                         | ${'approved'}     | ${[]}
    ${'normal'}    | ${[CAB]}      | ${[approve(CAB), { decision: 'rejected', group: CAB }]} | ${'rejected'}     | ${[]}
    ${'normal'}    | ${[]}         | ${[]}                                                   | ${'pending'}      | ${[]}
    ${'normal'}    | ${[]}         | ${[approve()]}                                          | ${'approved'}     | ${[]}
    ${'emergency'} | ${[CAB]}      | ${[approve(CAB)]}                                       | ${'approved'}     | ${[]}
  `(
    '$type with $required and $approvals.length decisions is $state',
    ({ type, required, approvals, state, missingGroups }) => {
      const status = approvalStatus(type, required, approvals);
      expect(status.state).toBe(state);
      expect(status.missingGroups).toEqual(missingGroups);
    },
  );
});

describe('who may approve', () => {
  const base: ApprovalCheckInput = {
    type: 'normal',
    status: 'authorize',
    requester: 'user:default/alice',
    approver: 'user:default/carol',
    approverGroups: [CAB],
    required: [CAB],
    approvals: [],
    decision: 'approved',
  };

  it.each`
    case                                    | overrides                                                                                | reason
    ${'self-approval'}                      | ${{ approver: 'user:default/alice' }}                                                    | ${'Nobody approves their own change'}
    ${'not a member of the approver group'} | ${{ approverGroups: [SRE] }}                                                             | ${'Only members of group:default/cab approve this change'}
    ${'a standard change'}                  | ${{ type: 'standard' }}                                                                  | ${'Standard changes are pre-approved and take no approvals'}
    ${'a normal change in assess'}          | ${{ status: 'assess' }}                                                                  | ${'A normal change takes approvals only in authorize; it is assess'}
    ${'a normal change in review'}          | ${{ status: 'review' }}                                                                  | ${'A normal change takes approvals only in authorize; it is review'}
    ${'a second decision in the round'}     | ${{ approvals: [{ approver: 'user:default/carol', decision: 'approved', group: CAB }] }} | ${'user:default/carol already decided in this round of approvals'}
    ${'a rejection without a reason'}       | ${{ decision: 'rejected', comment: '  ' }}                                               | ${'comment is required to reject a change'}
  `('refuses $case', ({ overrides, reason }) => {
    expect(checkApproval({ ...base, ...overrides })).toMatchObject({
      ok: false,
      reason,
    });
  });

  it.each`
    overrides                             | forbidden
    ${{ approver: 'user:default/alice' }} | ${true}
    ${{ approverGroups: [] }}             | ${true}
    ${{ status: 'assess' }}               | ${false}
    ${{ decision: 'rejected' }}           | ${false}
  `(
    'tells who-refusals ($forbidden) from state refusals',
    ({ overrides, forbidden }) => {
      expect(checkApproval({ ...base, ...overrides })).toMatchObject({
        forbidden,
      });
    },
  );

  it.each`
    case                                             | overrides                                                                                                                                | group
    ${'a CAB member in authorize'}                   | ${{}}                                                                                                                                    | ${CAB}
    ${'anyone when no group is required'}            | ${{ required: [], approverGroups: [] }}                                                                                                  | ${undefined}
    ${'an emergency change in review'}               | ${{ type: 'emergency', status: 'review' }}                                                                                               | ${CAB}
    ${'an emergency change while implementing'}      | ${{ type: 'emergency', status: 'implement' }}                                                                                            | ${CAB}
    ${'a rejection with a reason'}                   | ${{ decision: 'rejected', comment: 'No backout plan' }}                                                                                  | ${CAB}
    ${'a member of two groups, for the pending one'} | ${{ required: [CAB, SRE], approverGroups: [CAB, SRE], approvals: [{ approver: 'user:default/dan', decision: 'approved', group: CAB }] }} | ${SRE}
  `('accepts $case', ({ overrides, group }) => {
    expect(checkApproval({ ...base, ...overrides })).toEqual({
      ok: true,
      group,
    });
  });
});

describe('what a decision does', () => {
  it.each`
    status         | decision      | state         | inFreeze | next           | newRound
    ${'authorize'} | ${'rejected'} | ${'rejected'} | ${false} | ${'assess'}    | ${false}
    ${'review'}    | ${'rejected'} | ${'rejected'} | ${false} | ${undefined}   | ${true}
    ${'implement'} | ${'rejected'} | ${'rejected'} | ${false} | ${undefined}   | ${true}
    ${'authorize'} | ${'approved'} | ${'approved'} | ${false} | ${'scheduled'} | ${false}
    ${'authorize'} | ${'approved'} | ${'approved'} | ${true}  | ${undefined}   | ${false}
    ${'authorize'} | ${'approved'} | ${'pending'}  | ${false} | ${undefined}   | ${false}
    ${'review'}    | ${'approved'} | ${'approved'} | ${false} | ${undefined}   | ${false}
  `(
    '$decision in $status ($state, freeze: $inFreeze) → $next, new round: $newRound',
    ({ status, decision, state, inFreeze, next, newRound }) => {
      expect(
        afterApprovalDecision({ status, decision, state, inFreeze }),
      ).toEqual(next ? { status: next, newRound } : { newRound });
    },
  );

  it.each`
    type           | status         | takes
    ${'standard'}  | ${'authorize'} | ${false}
    ${'normal'}    | ${'authorize'} | ${true}
    ${'normal'}    | ${'review'}    | ${false}
    ${'emergency'} | ${'review'}    | ${true}
    ${'emergency'} | ${'closed'}    | ${false}
  `(
    'a $type change in $status takes approvals: $takes',
    ({ type, status, takes }) => {
      expect(changeTakesApprovals(type, status)).toBe(takes);
    },
  );
});
