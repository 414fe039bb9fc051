import { ActionItemStatus } from './types';

const NEXT: Record<ActionItemStatus, readonly ActionItemStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  // Reopened when the fix did not hold
  done: ['open'],
  cancelled: ['open'],
};

/** @public */
export function allowedActionItemTransitions(
  from: ActionItemStatus,
): readonly ActionItemStatus[] {
  return NEXT[from];
}

/** Why the move is refused, or undefined. @public */
export function checkActionItemTransition(
  from: ActionItemStatus,
  to: ActionItemStatus,
): string | undefined {
  if (NEXT[from].includes(to)) return undefined;
  return `status: cannot move an action item from ${from} to ${to}; allowed from ${from}: ${NEXT[
    from
  ].join(', ')}`;
}

/** Open or in progress: still to do. @public */
export function isActionItemPending(status: ActionItemStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

/**
 * Pending and due before `today` (a `YYYY-MM-DD` day in UTC): an item due
 * today is not overdue yet.
 * @public
 */
export function isActionItemOverdue(
  item: { status: ActionItemStatus; dueDate: string },
  today: string,
): boolean {
  return isActionItemPending(item.status) && item.dueDate < today;
}

/** The UTC day of an instant, `YYYY-MM-DD`. @public */
export function utcDay(instant: string | Date): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * A due date as the API takes it: a real calendar day `YYYY-MM-DD` in the
 * years 1970–2200, like every time the API takes.
 * @public
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 1970 || year > 2200) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && utcDay(date) === value;
}
