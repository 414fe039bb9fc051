import { readFileSync } from 'fs';
import { join } from 'path';
import { formatMinutes, reviewFactsOf } from './reviewFacts';
import { renderReviewMarkdown } from './reviewMarkdown';
import { Review } from './types';
import { incident, review } from './__fixtures__/review';

describe('review facts', () => {
  it('reads durations and SLA outcomes from the incident', () => {
    expect(review.facts).toMatchObject({
      durationMinutes: 105,
      timeToAcknowledgeMinutes: 4,
      timeToResolveMinutes: 95,
      slaResponse: 'met',
      slaResolution: 'breached',
      causedByChangeRef: 'CHG-1007',
      problemRef: 'PRB-1003',
    });
  });

  it('runs the duration until now while the incident is open', () => {
    const open = { ...incident, resolvedAt: undefined, sla: undefined };
    const facts = reviewFactsOf(open, {}, '2026-11-20T09:30:00.000Z');
    expect(facts.durationMinutes).toBe(40);
    expect(facts.timeToResolveMinutes).toBeUndefined();
    expect(facts.slaResolution).toBe('none');
  });

  it('orders the timeline oldest first', () => {
    expect(review.timeline.map(e => e.type)).toEqual([
      'created',
      'status_changed',
      'status_changed',
    ]);
  });

  it.each`
    minutes      | text
    ${undefined} | ${'—'}
    ${7}         | ${'7 min'}
    ${95}        | ${'1 h 35 min'}
    ${2900}      | ${'2 d 0 h 20 min'}
  `('formats $minutes minutes as $text', ({ minutes, text }) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('review as Markdown', () => {
  it('matches the fixture', () => {
    const fixture = readFileSync(
      join(__dirname, '__fixtures__', 'review.md'),
      'utf8',
    );
    expect(renderReviewMarkdown(review)).toBe(fixture);
  });

  it('says what is not written yet', () => {
    const draft: Review = {
      ...review,
      status: 'draft',
      sections: {},
      approvals: [],
      publishedAt: undefined,
      publishedBy: undefined,
      actionItems: [],
      timeline: [],
    };
    const md = renderReviewMarkdown(draft);
    expect(md).toContain('_Draft, revision 1._');
    expect(md).toContain('## Root cause\n\n_Not written._');
    expect(md).toContain('## Action items\n\n_None._');
    expect(md).not.toContain('## Approvals');
  });
});
