import { dependentsFromRelations, walkBlastRadius } from './BlastRadius';
import {
  compareStatusIncidents,
  serviceState,
  worstServiceState,
} from './ServiceStatusRules';

// ledger ← payments-api ← checkout-web; ledger ← billing-worker;
// checkout-web ← ledger (a cycle, to prove it terminates)
const graph = new Map<string, string[]>([
  ['ledger', ['payments-api', 'billing-worker']],
  ['payments-api', ['checkout-web']],
  ['checkout-web', ['ledger', 'mobile-app']],
  ['mobile-app', []],
]);
const load = async (refs: string[]) =>
  new Map(refs.map(r => [r, graph.get(r) ?? []]));

describe('walkBlastRadius', () => {
  it.each([
    [0, []],
    [1, ['payments-api@1<ledger', 'billing-worker@1<ledger']],
    [
      2,
      [
        'payments-api@1<ledger',
        'billing-worker@1<ledger',
        'checkout-web@2<payments-api',
      ],
    ],
    [
      10,
      [
        'payments-api@1<ledger',
        'billing-worker@1<ledger',
        'checkout-web@2<payments-api',
        'mobile-app@3<checkout-web',
      ],
    ],
  ])('depth %i', async (depth, expected) => {
    const steps = await walkBlastRadius(['ledger'], depth, load);
    expect(steps.map(s => `${s.entityRef}@${s.depth}<${s.via}`)).toEqual(
      expected,
    );
  });

  it('never lists an affected service, and stops at the limit', async () => {
    const steps = await walkBlastRadius(['ledger', 'checkout-web'], 5, load);
    expect(steps.map(s => s.entityRef)).toEqual([
      'payments-api',
      'billing-worker',
      'mobile-app',
    ]);
    expect(await walkBlastRadius(['ledger'], 5, load, 1)).toHaveLength(1);
  });

  it('reads dependents from dependencyOf relations', () => {
    expect(
      dependentsFromRelations([
        { type: 'dependencyOf', targetRef: 'component:default/Payments-API' },
        { type: 'dependsOn', targetRef: 'component:default/user-profile' },
        { type: 'ownedBy', targetRef: 'group:default/sre' },
      ]),
    ).toEqual(['component:default/payments-api']);
  });
});

describe('service states', () => {
  it.each([
    [[], false, 'operational'],
    [[], true, 'degraded'],
    [[{ major: false }], false, 'incident'],
    [[{ major: false }], true, 'degraded'],
    [[{ major: false }, { major: true }], false, 'major_outage'],
  ] as const)('%p degraded=%p → %s', (incidents, degraded, state) => {
    expect(serviceState(incidents, degraded)).toBe(state);
  });

  it('takes the worst state for a system', () => {
    expect(worstServiceState([])).toBe('operational');
    expect(worstServiceState(['degraded', 'operational'])).toBe('degraded');
    expect(worstServiceState(['incident', 'major_outage', 'degraded'])).toBe(
      'major_outage',
    );
    expect(worstServiceState(['incident', 'degraded'])).toBe('degraded');
  });

  it('orders incidents major first, then priority, then newest', () => {
    const list = [
      { ref: 'a', major: false, priority: 'P1', detectedAt: '2026-01-02' },
      { ref: 'b', major: true, priority: 'P3', detectedAt: '2026-01-01' },
      { ref: 'c', major: false, priority: 'P1', detectedAt: '2026-01-03' },
      { ref: 'd', major: false, priority: 'P2', detectedAt: '2026-01-04' },
    ] as const;
    expect([...list].sort(compareStatusIncidents).map(i => i.ref)).toEqual([
      'b',
      'c',
      'a',
      'd',
    ]);
  });
});
