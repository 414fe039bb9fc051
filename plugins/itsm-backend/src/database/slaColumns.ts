import {
  IncidentSla,
  IncidentSlaTarget,
  SlaState,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from './DbTime';
import { StoredSla, StoredSlaTarget } from './IncidentStore';

type Time = Date | string | null;

/** The SLA columns of itsm_incidents (see migration 20261123010000_sla). */
export type SlaColumns = {
  status: string;
  acknowledged_at: Time;
  resolved_at: Time;
  sla_policy: string | null;
  sla_pauses: string | null;
  resolution_business_ms?: number | string | null;
} & {
  [K in `${'response' | 'resolution'}_${
    | 'due_at'
    | 'warning_at'
    | 'warned_at'
    | 'breached_at'}`]: Time;
} & {
  [K in `${'response' | 'resolution'}_target_minutes`]: number | null;
} & {
  [K in `${'response' | 'resolution'}_calendar`]: string | null;
};

const KINDS = ['response', 'resolution'] as const;

export function slaToColumns(sla: StoredSla, time: DbTime) {
  const columns: Record<string, unknown> = {
    sla_policy: sla.policy,
    sla_pauses: JSON.stringify(sla.pauses),
    resolution_business_ms: sla.resolutionBusinessMs ?? null,
  };
  for (const kind of KINDS) {
    const target = sla[kind];
    columns[`${kind}_target_minutes`] = target.targetMinutes;
    columns[`${kind}_calendar`] = target.calendar;
    columns[`${kind}_due_at`] = time.toDb(target.dueAt);
    columns[`${kind}_warning_at`] = time.toDb(target.warningAt);
  }
  return columns;
}

export function storedSlaFromRow(
  row: SlaColumns,
  time: DbTime,
): StoredSla | undefined {
  if (!row.sla_policy || !row.response_due_at || !row.resolution_due_at) {
    return undefined;
  }
  const target = (kind: (typeof KINDS)[number]): StoredSlaTarget => ({
    targetMinutes: Number(row[`${kind}_target_minutes`]),
    calendar: row[`${kind}_calendar`] ?? '',
    dueAt: time.fromDb(row[`${kind}_due_at`]!),
    warningAt: time.fromDb(row[`${kind}_warning_at`]!),
  });
  return {
    policy: row.sla_policy,
    pauses: row.sla_pauses ? JSON.parse(row.sla_pauses) : [],
    response: target('response'),
    resolution: target('resolution'),
    resolutionBusinessMs:
      row.resolution_business_ms === null ||
      row.resolution_business_ms === undefined
        ? null
        : Number(row.resolution_business_ms),
  };
}

/**
 * The clocks as the API shows them. State comes from the stored due times
 * alone (no calendar arithmetic), so lists stay cheap: a clock stopped by
 * its due time is met, one stopped later or still running past it is
 * breached, and a running clock is paused while the incident is on hold.
 */
export function slaFromRow(
  row: SlaColumns,
  time: DbTime,
  now: string,
): IncidentSla | undefined {
  const stored = storedSlaFromRow(row, time);
  // A cancelled incident has no service level to meet or miss.
  if (!stored || row.status === 'cancelled') return undefined;
  const paused = row.status === 'on_hold';
  const stops = {
    response: row.acknowledged_at,
    resolution: row.resolved_at,
  };
  const target = (kind: (typeof KINDS)[number]): IncidentSlaTarget => {
    const stoppedAt = stops[kind] ? time.fromDb(stops[kind]!) : undefined;
    const { dueAt } = stored[kind];
    let state: SlaState;
    if (stoppedAt) state = stoppedAt <= dueAt ? 'met' : 'breached';
    else if (now > dueAt && row[`${kind}_breached_at`]) state = 'breached';
    else if (paused) state = 'paused';
    else state = now > dueAt ? 'breached' : 'running';
    const warnedAt = row[`${kind}_warned_at`];
    const breachedAt = row[`${kind}_breached_at`];
    return {
      ...stored[kind],
      stoppedAt,
      state,
      warnedAt: warnedAt ? time.fromDb(warnedAt) : undefined,
      breachedAt: breachedAt ? time.fromDb(breachedAt) : undefined,
    };
  };
  return {
    policy: stored.policy,
    paused,
    response: target('response'),
    resolution: target('resolution'),
  };
}

/**
 * Incidents whose response or resolution target is missed: stopped after
 * the due time, or still running past it (a paused clock is not running;
 * cancelled incidents never count).
 */
export function whereSlaBreached(query: Knex.QueryBuilder, now: unknown) {
  query.whereNot('i.status', 'cancelled').where(outer => {
    for (const [kind, stop] of [
      ['response', 'acknowledged_at'],
      ['resolution', 'resolved_at'],
    ] as const) {
      outer.orWhere(inner =>
        inner.whereRaw(`i.${stop} > i.${kind}_due_at`).orWhere(running =>
          running
            .whereNull(`i.${stop}`)
            .whereNot('i.status', 'on_hold')
            .where(`i.${kind}_due_at`, '<', now as any),
        ),
      );
    }
  });
}
