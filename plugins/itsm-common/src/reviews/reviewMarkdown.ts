import { formatMinutes } from './reviewFacts';
import { ActionItem, Review, ReviewSections } from './types';

const SLA_TEXT: Record<string, string> = {
  met: 'met',
  breached: 'breached',
  running: 'still running',
  none: 'no SLA',
};

const STATUS_TEXT: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** `2026-11-20T09:05:00.000Z` → `2026-11-20 09:05 UTC`. */
function time(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—';
}

/** Text that stays one table cell: no pipes, no line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function section(title: string, body: string | undefined): string[] {
  const text = body?.trim();
  return [`## ${title}`, '', text || '_Not written._', ''];
}

function list(title: string, items: string[] | undefined, ordered: boolean) {
  const lines = [`### ${title}`, ''];
  if (!items?.length) return [...lines, '_None._', ''];
  return [
    ...lines,
    ...items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item.trim()}`),
    '',
  ];
}

function impactLines(sections: ReviewSections): string[] {
  const impact = sections.customerImpact ?? {};
  const lines = ['## Customer impact', ''];
  const rows: Array<[string, string | undefined]> = [
    ['Users affected', impact.usersAffected],
    ['Financial', impact.financial],
    ['Reputation', impact.reputation],
  ];
  for (const [label, value] of rows) {
    if (value?.trim()) lines.push(`- **${label}:** ${value.trim()}`);
  }
  if (impact.notes?.trim()) {
    if (lines.length > 2) lines.push('');
    lines.push(impact.notes.trim());
  }
  if (lines.length === 2) lines.push('_Not written._');
  return [...lines, ''];
}

function actionItemLines(items: readonly ActionItem[]): string[] {
  const lines = ['## Action items', ''];
  if (!items.length) return [...lines, '_None._', ''];
  lines.push(
    '| Ref | Action | Owner | Due | Status |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const item of items) {
    const status = `${STATUS_TEXT[item.status] ?? item.status}${
      item.overdue ? ' (overdue)' : ''
    }`;
    const links = [item.problemRef, item.changeRef].filter(Boolean);
    const title = links.length
      ? `${item.title} (${links.join(', ')})`
      : item.title;
    lines.push(
      `| ${item.ref} | ${cell(title)} | ${cell(item.owner)} | ${
        item.dueDate
      } | ${status} |`,
    );
  }
  return [...lines, ''];
}

/**
 * A review as Markdown, ready to paste into a wiki or a TechDocs page:
 * title, facts, timeline, the written sections and the action items.
 * @public
 */
export function renderReviewMarkdown(review: Review): string {
  const { facts, sections } = review;
  const published = review.publishedAt
    ? `, published ${time(review.publishedAt)} by ${review.publishedBy}`
    : '';
  const lines: string[] = [
    `# Post-incident review: ${facts.incidentRef} — ${facts.title}`,
    '',
    `_${STATUS_TEXT[review.status]}, revision ${review.revision}${published}._`,
    '',
    '## Facts',
    '',
    '| | |',
    '| --- | --- |',
    `| Incident | ${facts.incidentRef} (${facts.priority}${
      facts.major ? ', major' : ''
    }, ${facts.incidentStatus}) |`,
    `| Affected services | ${facts.affectedServices.join(', ')} |`,
    `| Detected | ${time(facts.detectedAt)} |`,
    `| Resolved | ${time(facts.resolvedAt)} |`,
    `| Duration | ${formatMinutes(facts.durationMinutes)} |`,
    `| Time to acknowledge | ${formatMinutes(
      facts.timeToAcknowledgeMinutes,
    )} |`,
    `| Time to resolve | ${formatMinutes(facts.timeToResolveMinutes)} |`,
    `| SLA response | ${SLA_TEXT[facts.slaResponse]} |`,
    `| SLA resolution | ${SLA_TEXT[facts.slaResolution]} |`,
    `| Caused by change | ${facts.causedByChangeRef ?? '—'} |`,
    `| Problem | ${facts.problemRef ?? '—'} |`,
    '',
    ...section('Summary', sections.summary),
    ...impactLines(sections),
    ...section('Detection', sections.detection),
    ...section('Trigger', sections.trigger),
    ...section('Root cause', sections.rootCause),
    ...list('Five whys', sections.fiveWhys, true),
    ...list('Contributing factors', sections.contributingFactors, false),
    ...section('Resolution', sections.resolution),
    ...section('What went well', sections.wentWell),
    ...section('What went badly', sections.wentBadly),
    ...section('Lessons learned', sections.lessonsLearned),
    '## Timeline',
    '',
  ];
  if (!review.timeline.length) lines.push('_No events._');
  for (const entry of review.timeline) {
    lines.push(
      `- ${time(entry.at)} — ${oneLine(entry.message)} (${entry.actor})`,
    );
  }
  lines.push('', ...actionItemLines(review.actionItems));
  if (review.approvals.length) {
    lines.push(
      '## Approvals',
      '',
      ...review.approvals.map(
        a =>
          `- ${a.reviewer}, ${time(a.at)}${a.comment ? `: ${a.comment}` : ''}`,
      ),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
