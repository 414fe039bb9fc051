/**
 * Most shifts a single call lists, so that an unbounded window (`to` in the
 * year 9999, a one-minute custom rotation) fails fast instead of exhausting
 * memory. Callers should bound their windows well below it.
 *
 * @public
 */
export const MAX_ONCALL_SHIFTS = 10_000;

/** Throws once a listing would exceed {@link MAX_ONCALL_SHIFTS}. */
export function checkShiftCount(count: number): void {
  if (count > MAX_ONCALL_SHIFTS) {
    throw new RangeError(
      `Too many on-call shifts: the window holds more than ${MAX_ONCALL_SHIFTS}; ask for a shorter window`,
    );
  }
}
