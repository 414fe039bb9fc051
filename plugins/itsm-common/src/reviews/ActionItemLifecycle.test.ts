import {
  checkActionItemTransition,
  isActionItemOverdue,
  isCalendarDay,
} from './ActionItemLifecycle';

describe('action item lifecycle', () => {
  it.each`
    from             | to               | ok
    ${'open'}        | ${'in_progress'} | ${true}
    ${'open'}        | ${'done'}        | ${true}
    ${'in_progress'} | ${'done'}        | ${true}
    ${'in_progress'} | ${'cancelled'}   | ${true}
    ${'done'}        | ${'open'}        | ${true}
    ${'done'}        | ${'in_progress'} | ${false}
    ${'cancelled'}   | ${'done'}        | ${false}
  `('$from → $to: $ok', ({ from, to, ok }) => {
    // Refused moves say what is allowed instead
    expect(String(checkActionItemTransition(from, to))).toMatch(
      ok ? /^undefined$/ : /^status: cannot move .* allowed from/,
    );
  });

  it.each`
    status           | dueDate         | overdue
    ${'open'}        | ${'2026-11-28'} | ${true}
    ${'in_progress'} | ${'2026-11-28'} | ${true}
    ${'open'}        | ${'2026-11-29'} | ${false}
    ${'done'}        | ${'2026-11-01'} | ${false}
    ${'cancelled'}   | ${'2026-11-01'} | ${false}
  `(
    '$status due $dueDate on 2026-11-29: overdue $overdue',
    ({ status, dueDate, overdue }) => {
      expect(isActionItemOverdue({ status, dueDate }, '2026-11-29')).toBe(
        overdue,
      );
    },
  );

  it('takes only real calendar days as due dates', () => {
    expect(isCalendarDay('2026-12-31')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-1-3')).toBe(false);
    expect(isCalendarDay('tomorrow')).toBe(false);
    expect(isCalendarDay('2999-01-01')).toBe(false);
  });
});
