import {
  Change,
  ChangeFreeze,
  windowsOverlap,
} from '@openitsm/backstage-plugin-itsm-common';
import { DateTime } from 'luxon';

export type CalendarView = 'month' | 'week';

export interface CalendarDay {
  date: DateTime;
  inPeriod: boolean;
  changes: Change[];
  freezes: ChangeFreeze[];
}

/** The days a view shows around `anchor`: whole weeks, Monday first. */
export function calendarRange(
  view: CalendarView,
  anchor: DateTime,
): { start: DateTime; end: DateTime } {
  if (view === 'week') {
    const start = anchor.startOf('week');
    return { start, end: start.plus({ weeks: 1 }) };
  }
  const start = anchor.startOf('month').startOf('week');
  const end = anchor.endOf('month').endOf('week').plus({ millisecond: 1 });
  return { start, end };
}

/**
 * Each day of the range with the changes whose planned window overlaps it
 * and the freezes covering it (for `entityRef`, when given).
 */
export function calendarDays(
  view: CalendarView,
  anchor: DateTime,
  changes: Change[],
  freezes: ChangeFreeze[],
  entityRef?: string,
): CalendarDay[] {
  const { start, end } = calendarRange(view, anchor);
  const relevant = freezes.filter(
    f => !entityRef || !f.services || f.services.includes(entityRef),
  );
  const days: CalendarDay[] = [];
  for (let date = start; date < end; date = date.plus({ days: 1 })) {
    const day = {
      start: date.toUTC().toISO()!,
      end: date.plus({ days: 1 }).toUTC().toISO()!,
    };
    days.push({
      date,
      inPeriod: view === 'week' || date.month === anchor.month,
      changes: changes.filter(c =>
        windowsOverlap(day, { start: c.plannedStart, end: c.plannedEnd }),
      ),
      freezes: relevant.filter(f =>
        windowsOverlap(day, { start: f.from, end: f.to }),
      ),
    });
  }
  return days;
}
