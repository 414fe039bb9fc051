import fc from 'fast-check';
import {
  DEFAULT_MAJOR_INCIDENT_CONFIG,
  parseMajorIncidentConfig,
} from './MajorIncidentConfig';
import {
  majorDeclarationRefusal,
  majorIncidentActions,
  majorProposal,
  nextStakeholderUpdateDue,
  stakeholderRecipients,
  stakeholderUpdateTiming,
  updateReminderRecipient,
  updateReminderStep,
} from './MajorIncidentRules';
import { IncidentStatus } from '../incidents/IncidentLifecycle';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const cell = [
  { role: 'commander', userRef: ALICE },
  { role: 'communications', userRef: BOB },
];

describe('majorIncidentActions (who may do what)', () => {
  const none = { mayManageMajor: false, mayUpdate: false };
  it.each([
    // caller, incident, expected
    [
      'a manager, open incident',
      { userRef: CAROL, mayManageMajor: true, mayUpdate: false },
      { status: 'in_progress', major: false },
      {
        declare: true,
        withdraw: false,
        setRoles: false,
        postStakeholderUpdate: false,
        subscribeOthers: true,
      },
    ],
    [
      'a manager, closed incident',
      { userRef: CAROL, mayManageMajor: true, mayUpdate: true },
      { status: 'closed', major: false },
      {
        declare: false,
        withdraw: false,
        setRoles: false,
        postStakeholderUpdate: true,
        subscribeOthers: true,
      },
    ],
    [
      'a manager, major incident',
      { userRef: CAROL, mayManageMajor: true, mayUpdate: false },
      { status: 'new', major: true },
      {
        declare: false,
        withdraw: true,
        setRoles: true,
        postStakeholderUpdate: false,
        subscribeOthers: true,
      },
    ],
    [
      'the commander without permissions',
      { userRef: ALICE, ...none },
      { status: 'new', major: true },
      {
        declare: false,
        withdraw: true,
        setRoles: true,
        postStakeholderUpdate: true,
        subscribeOthers: true,
      },
    ],
    [
      'the communications lead',
      { userRef: BOB, ...none },
      { status: 'new', major: true },
      {
        declare: false,
        withdraw: false,
        setRoles: false,
        postStakeholderUpdate: true,
        subscribeOthers: true,
      },
    ],
    [
      'a responder with update',
      { userRef: CAROL, mayManageMajor: false, mayUpdate: true },
      { status: 'new', major: true },
      {
        declare: false,
        withdraw: false,
        setRoles: false,
        postStakeholderUpdate: true,
        subscribeOthers: false,
      },
    ],
    [
      'a bystander',
      { userRef: CAROL, ...none },
      { status: 'new', major: true },
      {
        declare: false,
        withdraw: false,
        setRoles: false,
        postStakeholderUpdate: false,
        subscribeOthers: false,
      },
    ],
    [
      'a service token with no user',
      { ...none },
      { status: 'new', major: true },
      {
        declare: false,
        withdraw: false,
        setRoles: false,
        postStakeholderUpdate: false,
        subscribeOthers: false,
      },
    ],
  ] as const)('%s', (_name, caller, incident, expected) => {
    expect(
      majorIncidentActions(
        caller,
        incident as { status: IncidentStatus; major: boolean },
        cell,
      ),
    ).toEqual(expected);
  });
});

describe('majorDeclarationRefusal', () => {
  it.each([
    ['new', false, true, undefined],
    ['on_hold', false, true, undefined],
    [
      'resolved',
      false,
      true,
      'INC-1 is resolved: only an open incident can be declared major',
    ],
    [
      'cancelled',
      false,
      true,
      'INC-1 is cancelled: only an open incident can be declared major',
    ],
    ['new', true, true, 'INC-1 is already a major incident'],
    [
      'new',
      false,
      false,
      'INC-1 is not a major incident; there is nothing to withdraw',
    ],
    ['resolved', true, false, undefined],
  ] as const)('%s, major=%s, declare=%s', (status, major, declare, refusal) => {
    expect(
      majorDeclarationRefusal({ ref: 'INC-1', status, major }, declare),
    ).toBe(refusal);
  });
});

describe('stakeholder update cadence', () => {
  const at = '2026-11-29T10:00:00.000Z';
  it.each([
    ['P1', undefined, '2026-11-29T10:30:00.000Z'],
    ['P2', undefined, '2026-11-29T11:00:00.000Z'],
    ['P5', undefined, '2026-11-29T14:00:00.000Z'],
    ['P1', '2026-11-29T10:10:00Z', '2026-11-29T10:10:00.000Z'],
  ] as const)('%s (promised %s) is due at %s', (priority, promised, due) => {
    expect(
      nextStakeholderUpdateDue(
        priority,
        at,
        DEFAULT_MAJOR_INCIDENT_CONFIG.cadenceMinutes,
        promised,
      ),
    ).toBe(due);
  });

  it('has no due time without a cadence', () => {
    expect(nextStakeholderUpdateDue('P4', at, { P1: 30 })).toBeUndefined();
  });

  it('is always exactly one cadence after the update (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 1, max: 10_000 }),
        (ms, minutes) => {
          const from = new Date(ms).toISOString();
          const due = nextStakeholderUpdateDue('P1', from, { P1: minutes })!;
          return Date.parse(due) - ms === minutes * 60_000;
        },
      ),
    );
  });

  it.each([
    [{}, { overdue: false }],
    [
      {
        lastUpdateAt: '2026-11-29T09:50:00Z',
        nextUpdateDueAt: '2026-11-29T10:20:00Z',
      },
      { sinceLastMinutes: 10, untilNextMinutes: 20, overdue: false },
    ],
    [
      {
        lastUpdateAt: '2026-11-29T09:20:00Z',
        nextUpdateDueAt: '2026-11-29T09:50:00Z',
      },
      { sinceLastMinutes: 40, untilNextMinutes: -10, overdue: true },
    ],
    [
      { nextUpdateDueAt: '2026-11-29T10:00:00Z' },
      { untilNextMinutes: 0, overdue: true },
    ],
  ])('timing of %p', (times, expected) => {
    expect(stakeholderUpdateTiming(times, '2026-11-29T10:00:00Z')).toEqual({
      sinceLastMinutes: undefined,
      untilNextMinutes: undefined,
      ...expected,
    });
  });

  it('reminds once per due time, the communications lead first', () => {
    expect(updateReminderStep('2026-11-29T10:30:00Z')).toBe(
      'update-reminder:2026-11-29T10:30:00.000Z',
    );
    expect(updateReminderRecipient(cell, CAROL)).toBe(BOB);
    expect(updateReminderRecipient([cell[0]], CAROL)).toBe(ALICE);
    expect(updateReminderRecipient([], CAROL)).toBe(CAROL);
    expect(updateReminderRecipient([])).toBeUndefined();
  });
});

describe('stakeholderRecipients (one per person)', () => {
  const members = new Map([
    ['group:default/payments-team', [ALICE, BOB]],
    ['group:default/management', [CAROL, BOB]],
  ]);
  it.each([
    [[], []],
    [[ALICE], [ALICE]],
    [['group:default/payments-team'], [ALICE, BOB]],
    [
      ['group:default/payments-team', 'group:default/management', BOB],
      [ALICE, BOB, CAROL],
    ],
    [['User:default/Alice', ALICE], [ALICE]],
    [['group:default/unknown'], []],
  ])('%p → %p', (subscribers, expected) => {
    expect(stakeholderRecipients(subscribers, members)).toEqual(expected);
  });

  it('never repeats a person (property)', () => {
    const people = fc.constantFrom(ALICE, BOB, CAROL, 'user:default/dave');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(people, fc.constantFrom(...members.keys())), {
          maxLength: 10,
        }),
        subscribers => {
          const out = stakeholderRecipients(subscribers, members);
          return new Set(out).size === out.length;
        },
      ),
    );
  });
});

describe('majorProposal', () => {
  const config = { criticalTiers: ['gold'], severalServices: 3 };
  const incident = (over: object = {}) => ({
    priority: 'P3' as const,
    affectedServices: ['component:default/a'],
    major: false,
    status: 'new' as const,
    ...over,
  });
  it.each([
    ['a P3 on one service', incident(), []],
    ['every P1', incident({ priority: 'P1' }), ['priority P1']],
    [
      'several services',
      incident({ affectedServices: ['a', 'b', 'c'] }),
      ['3 services affected'],
    ],
    [
      'a critical tier',
      incident({ affectedServices: ['component:default/gold'] }),
      ['component:default/gold is in the critical tier gold'],
    ],
    ['not once major', incident({ priority: 'P1', major: true }), []],
    ['not once resolved', incident({ priority: 'P1', status: 'resolved' }), []],
  ])('%s', (_name, input, reasons) => {
    const tiers = new Map([
      ['component:default/gold', 'gold'],
      ['component:default/a', 'silver'],
    ]);
    expect(majorProposal(input as any, tiers, config)).toEqual({
      proposed: reasons.length > 0,
      reasons,
    });
  });
});

describe('parseMajorIncidentConfig', () => {
  it('defaults to a 30 min P1 cadence and the two built-in roles', () => {
    const config = parseMajorIncidentConfig(undefined);
    expect(config.cadenceMinutes.P1).toBe(30);
    expect(config.roles).toEqual(
      expect.arrayContaining(['commander', 'communications']),
    );
  });

  it('reads every key', () => {
    expect(
      parseMajorIncidentConfig({
        roles: ['scribe'],
        cadenceMinutes: { P1: 15, P5: null },
        managementGroup: 'leadership',
        criticalTiers: ['gold'],
        severalServices: 2,
        blastRadiusDepth: 5,
      }),
    ).toEqual({
      roles: ['commander', 'communications', 'scribe'],
      cadenceMinutes: { P1: 15, P2: 60, P3: 120, P4: 240 },
      managementGroup: 'group:default/leadership',
      criticalTiers: ['gold'],
      severalServices: 2,
      blastRadiusDepth: 5,
    });
  });

  it.each([
    [{ roles: ['Commander!'] }, /itsm.majorIncidents.roles/],
    [{ cadenceMinutes: { P9: 5 } }, /cadenceMinutes.P9: not a priority/],
    [{ cadenceMinutes: { P1: 0 } }, /cadenceMinutes.P1 must be a positive/],
    [
      { blastRadiusDepth: 11 },
      /blastRadiusDepth must be a whole number from 0 to 10/,
    ],
    [{ managementGroup: '' }, /managementGroup/],
    ['yes', /must be an object/],
  ])('refuses %p', (raw, message) => {
    expect(() => parseMajorIncidentConfig(raw)).toThrow(message);
  });
});
