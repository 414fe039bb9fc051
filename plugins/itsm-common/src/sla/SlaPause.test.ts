import { pausesFromStatusHistory } from './SlaPause';

describe('pausesFromStatusHistory', () => {
  it('makes one pause per stretch on hold, in time order', () => {
    expect(
      pausesFromStatusHistory([
        { status: 'in_progress', at: '2026-03-09T12:00:00Z' },
        { status: 'new', at: '2026-03-09T10:00:00Z' },
        { status: 'on_hold', at: '2026-03-09T11:00:00Z' },
        { status: 'acknowledged', at: '2026-03-09T10:30:00Z' },
        { status: 'on_hold', at: '2026-03-09T13:00:00Z' },
        { status: 'in_progress', at: '2026-03-09T14:00:00+01:00' },
      ]),
    ).toEqual([
      { from: '2026-03-09T11:00:00Z', to: '2026-03-09T12:00:00Z' },
      { from: '2026-03-09T13:00:00Z', to: '2026-03-09T14:00:00+01:00' },
    ]);
  });

  it('leaves the last pause open while still on hold', () => {
    expect(
      pausesFromStatusHistory([
        { status: 'in_progress', at: '2026-03-09T10:00:00Z' },
        { status: 'on_hold', at: '2026-03-09T11:00:00Z' },
      ]),
    ).toEqual([{ from: '2026-03-09T11:00:00Z' }]);
  });

  it('treats consecutive pausing statuses as one pause', () => {
    expect(
      pausesFromStatusHistory(
        [
          { status: 'on_hold', at: '2026-03-09T11:00:00Z' },
          { status: 'resolved', at: '2026-03-09T12:00:00Z' },
          { status: 'in_progress', at: '2026-03-09T13:00:00Z' },
        ],
        ['on_hold', 'resolved'],
      ),
    ).toEqual([{ from: '2026-03-09T11:00:00Z', to: '2026-03-09T13:00:00Z' }]);
  });

  it('returns no pauses for an incident never on hold', () => {
    expect(pausesFromStatusHistory([])).toEqual([]);
    expect(
      pausesFromStatusHistory([{ status: 'new', at: '2026-03-09T10:00:00Z' }]),
    ).toEqual([]);
  });
});
