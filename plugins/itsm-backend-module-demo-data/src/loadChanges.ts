import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Change,
  ChangeOutcome,
  ChangeStatus,
  CreateChangeRequest,
  CreateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import fs from 'node:fs/promises';
import { ChangeStore } from '../database/ChangeStore';
import { ChangeService } from '../service/ChangeService';
import { IncidentService } from '../service/IncidentService';

/** One change of a seed file; times are relative to now unless plannedStart is given. */
export interface SeedChange
  extends Omit<CreateChangeRequest, 'plannedStart' | 'plannedEnd'> {
  requester: string;
  /** Start relative to now, in days (negative: in the past)… */
  startDaysFromNow?: number;
  /** …or an absolute start, e.g. inside a configured freeze. */
  plannedStart?: string;
  durationHours: number;
  steps?: Array<{
    /** Before the planned start, in days (negative: after it). */
    daysBeforeStart: number;
    actor: string;
    status?: ChangeStatus;
    outcome?: ChangeOutcome;
    outcomeNotes?: string;
    freezeOverrideReason?: string;
    decision?: 'approved' | 'rejected';
    comment?: string;
  }>;
  /** An incident this change caused, reported and resolved after its start. */
  causedIncident?: CreateIncidentRequest & {
    reporter: string;
    hoursAfterStart: number;
    resolvedHoursAfterStart: number;
    resolutionNotes: string;
  };
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Replays a seed file of changes through the change rules, once: only when
 * there are no changes yet. Steps never happen in the future.
 */
export async function seedChanges(options: {
  file: string;
  store: ChangeStore;
  changes: ChangeService;
  incidents: IncidentService;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, store, changes, incidents, logger } = options;
  if ((await store.countChanges()) > 0) return 0;
  const { changes: seeds } = JSON.parse(await fs.readFile(file, 'utf8')) as {
    changes: SeedChange[];
  };
  const now = (options.now ?? new Date()).getTime();
  const iso = (ms: number) => new Date(Math.min(ms, now)).toISOString();

  for (const seed of seeds) {
    const start = seed.plannedStart
      ? Date.parse(seed.plannedStart)
      : now + (seed.startDaysFromNow ?? 0) * DAY;
    const steps = seed.steps ?? [];
    const requestedAt = start - ((steps[0]?.daysBeforeStart ?? 0) + 1) * DAY;
    let change: Change = await changes.create(
      {
        ...seed,
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + seed.durationHours * HOUR).toISOString(),
      },
      { actor: seed.requester, now: iso(requestedAt), replay: true },
    );
    for (const step of steps) {
      const ctx = {
        actor: step.actor,
        now: iso(start - step.daysBeforeStart * DAY),
        replay: true,
      };
      if (step.decision) {
        change = await changes.decide(
          change,
          { decision: step.decision, comment: step.comment },
          ctx,
        );
      } else {
        change = await changes.update(
          change,
          {
            version: change.version,
            status: step.status,
            outcome: step.outcome,
            outcomeNotes: step.outcomeNotes,
            freezeOverrideReason: step.freezeOverrideReason,
          },
          ctx,
        );
      }
    }
    if (seed.causedIncident) {
      const { hoursAfterStart, resolvedHoursAfterStart, ...report } =
        seed.causedIncident;
      const at = (hours: number) => iso(start + hours * HOUR);
      let incident = await incidents.create(report, {
        actor: report.reporter,
        now: at(hoursAfterStart),
        replay: true,
      });
      for (const status of ['acknowledged', 'in_progress'] as const) {
        incident = await incidents.update(
          incident,
          { version: incident.version, status },
          { actor: report.reporter, now: at(hoursAfterStart), replay: true },
        );
      }
      incident = await incidents.update(
        incident,
        {
          version: incident.version,
          status: 'resolved',
          resolutionCode: 'rolled_back',
          resolutionNotes: report.resolutionNotes,
        },
        {
          actor: seed.requester,
          now: at(resolvedHoursAfterStart),
          replay: true,
        },
      );
      await changes.setIncidentCause(incident, change, {
        actor: seed.requester,
        now: at(resolvedHoursAfterStart),
      });
    }
  }
  logger.info(`Seeded ${seeds.length} changes from ${file}`);
  return seeds.length;
}
