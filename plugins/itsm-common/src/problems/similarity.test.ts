import fc from 'fast-check';
import {
  clusterSimilarTitles,
  significantTerms,
  similaritySearchTerms,
  titleSimilarity,
} from './similarity';
import { findRecurringSets } from './RecurrenceRules';

describe('title similarity', () => {
  it('keeps significant words only', () => {
    expect(
      significantTerms('The Checkout is DOWN again: 502 from the gateway!'),
    ).toEqual(['checkout', 'down', 'gateway']);
    expect(significantTerms('Café timeout')).toEqual(['cafe', 'timeout']);
  });

  it('searches the longest terms first, at most eight', () => {
    expect(
      similaritySearchTerms(
        'alpha bravo charlie delta echo foxtrot golf hotel india juliett',
      ),
    ).toHaveLength(8);
    expect(similaritySearchTerms('db timeout checkout')[0]).toBe('checkout');
  });

  it.each`
    a                              | b                              | score
    ${'Checkout latency above 2s'} | ${'checkout latency above 5s'} | ${1}
    ${'Checkout latency high'}     | ${'Checkout errors high'}      | ${0.5}
    ${'Ledger down'}               | ${'Card payments failing'}     | ${0}
    ${''}                          | ${'anything'}                  | ${0}
  `('similarity("$a", "$b") = $score', ({ a, b, score }) => {
    expect(titleSimilarity(a, b)).toBeCloseTo(score);
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = titleSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(titleSimilarity(b, a)).toBe(s);
      }),
    );
  });

  it('clusters transitively similar titles', () => {
    expect(
      clusterSimilarTitles([
        'Checkout latency high',
        'Ledger export failed',
        'Checkout latency spike',
        'ledger export failed again',
        'Search down',
      ]),
    ).toEqual([[0, 2], [1, 3], [4]]);
  });
});

describe('recurring sets', () => {
  const settings = { minIncidents: 3, titleSimilarity: 0.5 };
  it('groups by category first, then by similar titles among the rest', () => {
    const sets = findRecurringSets(
      [
        { id: 'c', title: 'Slow pages', category: 'performance' },
        { id: 'a', title: 'Timeouts on login', category: 'performance' },
        { id: 'b', title: 'p95 doubled', category: 'performance' },
        { id: 'd', title: 'Login page broken', category: 'functionality' },
        { id: 'e', title: 'login page broken again', category: 'data' },
        { id: 'f', title: 'Login page broken (mobile)', category: 'other' },
        { id: 'g', title: 'Unrelated', category: 'security' },
      ],
      settings,
    );
    expect(sets).toEqual([
      { incidentIds: ['a', 'b', 'c'], by: 'category', key: 'performance' },
      { incidentIds: ['d', 'e', 'f'], by: 'title', key: 'Login page broken' },
    ]);
  });

  it('proposes nothing below the threshold', () => {
    expect(
      findRecurringSets(
        [
          { id: 'a', title: 'x down', category: 'availability' },
          { id: 'b', title: 'x down', category: 'availability' },
        ],
        settings,
      ),
    ).toEqual([]);
  });

  it('proposes disjoint sorted sets of at least N, one category per category set', () => {
    const candidate = fc.record({
      id: fc.uuid(),
      title: fc.constantFrom(
        'Checkout latency high',
        'checkout latency spike',
        'Ledger export failed',
        'Search down',
        'search cluster down',
      ),
      category: fc.constantFrom('availability', 'performance', 'data'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: c => c.id, maxLength: 25 }),
        fc.integer({ min: 2, max: 5 }),
        (incidents, minIncidents) => {
          const sets = findRecurringSets(incidents, {
            minIncidents,
            titleSimilarity: 0.5,
          });
          const all = sets.flatMap(set => set.incidentIds);
          expect(new Set(all).size).toBe(all.length);
          for (const set of sets) {
            expect(set.incidentIds.length).toBeGreaterThanOrEqual(minIncidents);
            expect([...set.incidentIds].sort()).toEqual(set.incidentIds);
          }
          for (const set of sets.filter(x => x.by === 'category')) {
            const categories = new Set(
              set.incidentIds.map(
                id => incidents.find(i => i.id === id)!.category,
              ),
            );
            expect([...categories]).toEqual([set.key]);
          }
        },
      ),
    );
  });
});
