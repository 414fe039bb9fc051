import fc from 'fast-check';
import {
  AlertRoutingRules,
  matchesAlertSelector,
  parseAlertSelector,
  routeAlert,
} from './AlertRouting';
import { alertSeverityLevels } from './AlertSeverity';
import { firingAlertAction, mayAutoResolve } from './AlertLifecycle';

const catalog: Record<string, string> = {
  'payments-api': 'component:default/payments-api',
  ledger: 'component:default/ledger',
  'checkout-web': 'component:default/checkout-web',
};

const rules = (over: Partial<AlertRoutingRules> = {}): AlertRoutingRules => ({
  labelNames: ['service', 'app', 'component'],
  entityByName: name => catalog[name],
  selectors: [
    {
      entityRef: 'component:default/ledger',
      selector: { job: 'ledger-writer' },
    },
    {
      entityRef: 'component:default/payments-api',
      selector: { job: 'ledger-writer', env: 'payments' },
    },
  ],
  ...over,
});

describe('parseAlertSelector', () => {
  it.each([
    ['job=payments-api', { job: 'payments-api' }],
    [' job = api , env=prod ', { job: 'api', env: 'prod' }],
    ['job="quoted"', { job: 'quoted' }],
  ])('reads %p', (text, expected) => {
    expect(parseAlertSelector(text)).toEqual(expected);
  });

  it.each(['', ',', 'job', '=api', 'job=', 'job!=api', 'job=~api.*'])(
    'refuses %p',
    text => {
      expect(() => parseAlertSelector(text)).toThrow();
    },
  );
});

describe('routeAlert', () => {
  it.each([
    [
      'the service the payload names',
      { labels: { app: 'checkout-web' }, service: 'Ledger' },
      { entityRef: 'component:default/ledger', rule: 'service' },
    ],
    [
      'the first configured label that names an entity',
      { labels: { app: 'checkout-web', component: 'ledger' } },
      {
        entityRef: 'component:default/checkout-web',
        rule: 'label',
        detail: 'app=checkout-web',
      },
    ],
    [
      'a label value, case-insensitively',
      { labels: { service: 'Payments-API' } },
      { entityRef: 'component:default/payments-api', rule: 'label' },
    ],
    [
      'skipping label values that are no entity',
      { labels: { service: 'nope', component: 'ledger' } },
      {
        entityRef: 'component:default/ledger',
        rule: 'label',
        detail: 'component=ledger',
      },
    ],
    [
      'an annotation selector',
      { labels: { job: 'ledger-writer', env: 'prod' } },
      {
        entityRef: 'component:default/ledger',
        rule: 'selector',
        detail: 'job=ledger-writer',
      },
    ],
    [
      'the most specific selector',
      { labels: { job: 'ledger-writer', env: 'payments' } },
      { entityRef: 'component:default/payments-api', rule: 'selector' },
    ],
  ])('routes by %s', (_name, alert, expected) => {
    expect(routeAlert(alert, rules())).toMatchObject(expected);
  });

  it('falls back to the source default, else leaves the alert unmapped', () => {
    const alert = { labels: { job: 'blackbox' } };
    expect(routeAlert(alert, rules())).toBeUndefined();
    expect(
      routeAlert(
        alert,
        rules({ defaultService: 'component:default/sre-inbox' }),
      ),
    ).toEqual({
      entityRef: 'component:default/sre-inbox',
      rule: 'default',
      detail: 'source default',
    });
  });

  it('routes the same whatever the order selectors were listed in', () => {
    const labels = fc.dictionary(
      fc.constantFrom('job', 'env', 'team'),
      fc.constantFrom('a', 'b'),
    );
    const selector = fc
      .dictionary(
        fc.constantFrom('job', 'env', 'team'),
        fc.constantFrom('a', 'b'),
      )
      .filter(s => Object.keys(s).length > 0);
    fc.assert(
      fc.property(
        labels,
        fc.array(
          fc.record({
            entityRef: fc.constantFrom(
              'component:default/x',
              'component:default/y',
              'component:default/z',
            ),
            selector,
          }),
          { maxLength: 5 },
        ),
        (alertLabels, selectors) => {
          const unique = [
            ...new Map(selectors.map(s => [s.entityRef, s])).values(),
          ];
          const a = routeAlert(
            { labels: alertLabels },
            rules({ labelNames: [], selectors: unique }),
          );
          const b = routeAlert(
            { labels: alertLabels },
            rules({ labelNames: [], selectors: [...unique].reverse() }),
          );
          expect(a?.entityRef).toBe(b?.entityRef);
          const chosen = unique.find(s => s.entityRef === a?.entityRef);
          // Whatever was chosen matches the labels
          expect(
            !chosen || matchesAlertSelector(chosen.selector, alertLabels),
          ).toBe(true);
        },
      ),
    );
  });
});

describe('alertSeverityLevels', () => {
  it.each([
    ['critical', 'high', 'high'],
    ['CRITICAL', 'high', 'high'],
    ['error', 'high', 'medium'],
    ['warning', 'medium', 'medium'],
    ['info', 'low', 'low'],
    ['weird', 'medium', 'medium'],
    [undefined, 'medium', 'medium'],
  ])('%p → %s impact, %s urgency', (severity, impact, urgency) => {
    expect(alertSeverityLevels(severity)).toEqual({ impact, urgency });
  });

  it('reads the configured map', () => {
    expect(
      alertSeverityLevels('sev1', {
        sev1: { impact: 'high', urgency: 'high' },
      }),
    ).toEqual({ impact: 'high', urgency: 'high' });
  });
});

describe('firingAlertAction', () => {
  const now = '2026-11-29T12:00:00.000Z';
  it.each([
    [undefined, 'create'],
    [{ status: 'new' }, 'attach'],
    [{ status: 'in_progress' }, 'attach'],
    [{ status: 'on_hold' }, 'attach'],
    [{ status: 'resolved', resolvedAt: '2026-11-29T11:30:00.000Z' }, 'reopen'],
    [{ status: 'resolved', resolvedAt: '2026-11-29T10:59:00.000Z' }, 'create'],
    [{ status: 'resolved' }, 'create'],
    [{ status: 'closed', resolvedAt: '2026-11-29T11:59:00.000Z' }, 'create'],
    [{ status: 'cancelled' }, 'create'],
  ] as const)('%p → %s', (incident, action) => {
    expect(firingAlertAction(incident, now, 60)).toBe(action);
  });
});

describe('mayAutoResolve', () => {
  it('only when configured, unacknowledged and no alert still fires', () => {
    expect(mayAutoResolve({ status: 'new' }, true, 0)).toBe(true);
    expect(mayAutoResolve({ status: 'new' }, false, 0)).toBe(false);
    expect(mayAutoResolve({ status: 'new' }, true, 1)).toBe(false);
    expect(mayAutoResolve({ status: 'acknowledged' }, true, 0)).toBe(false);
    expect(
      mayAutoResolve(
        { status: 'new', acknowledgedAt: '2026-11-29T10:00:00Z' },
        true,
        0,
      ),
    ).toBe(false);
  });
});
