import { OnCallLayer, OnCallOverride, OnCallSchedule } from '../types';

/** alice, bob weekly, Monday 09:00 Paris, from Monday 2026-03-02. */
export const PRIMARY: OnCallLayer = {
  name: 'primary',
  users: ['user:alice', 'user:bob'],
  rotation: { type: 'weekly' },
  handoffTime: '09:00',
  startDate: '2026-03-02',
};

/** carol, dave daily 09:00 Paris, from 2026-03-02. */
export const SECONDARY: OnCallLayer = {
  name: 'secondary',
  users: ['user:carol', 'user:dave'],
  rotation: { type: 'daily' },
  handoffTime: '09:00',
  startDate: '2026-03-02',
};

/** "I take Friday night": inside bob's week. */
export const FRIDAY_NIGHT: OnCallOverride = {
  layer: 'primary',
  user: 'user:erin',
  from: '2026-03-13T18:00:00+01:00',
  to: '2026-03-14T08:00:00+01:00',
  reason: 'swap',
};

/** Sunday evening to Monday noon, across the bob → alice handoff. */
export const OVER_HANDOFF: OnCallOverride = {
  layer: 'primary',
  user: 'user:frank',
  from: '2026-03-15T20:00:00+01:00',
  to: '2026-03-16T12:00:00+01:00',
};

/** A schedule named payments, in Paris time. */
export function schedule(
  layers: OnCallLayer[],
  overrides: OnCallOverride[] = [],
): OnCallSchedule {
  return { name: 'payments', timezone: 'Europe/Paris', layers, overrides };
}

/** The payments schedule: both layers, both overrides. */
export const TEAM = schedule(
  [PRIMARY, SECONDARY],
  [FRIDAY_NIGHT, OVER_HANDOFF],
);
