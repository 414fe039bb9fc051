import { renderHook } from '@testing-library/react';
import { useRefreshAt } from './useRefreshAt';

describe('useRefreshAt', () => {
  beforeEach(() =>
    jest.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') }),
  );
  afterEach(() => jest.useRealTimers());

  it('refreshes once, just after the earliest handoff still ahead', () => {
    const refresh = jest.fn();
    renderHook(() =>
      useRefreshAt(
        [
          '2026-11-23T09:00:00Z', // already past: ignored
          '2026-11-23T12:00:00Z',
          undefined,
          '2026-11-23T11:00:00Z',
        ],
        refresh,
      ),
    );
    jest.advanceTimersByTime(3600_000);
    expect(refresh).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2 * 3600_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('waits at most a day, however far the handoff', () => {
    const refresh = jest.fn();
    renderHook(() => useRefreshAt(['2027-06-01T00:00:00Z'], refresh));
    jest.advanceTimersByTime(24 * 3600_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('sets no timer when nothing is ahead', () => {
    const refresh = jest.fn();
    renderHook(() => useRefreshAt([undefined], refresh));
    expect(jest.getTimerCount()).toBe(0);
  });
});
