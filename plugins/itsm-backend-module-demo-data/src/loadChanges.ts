import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Change,
  ChangeOutcome,
  ChangeStatus,
  CreateChangeRequest,
  CreateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRecordsService } from '@openitsm/backstage-plugin-itsm-node';
import fs from 'node:fs/promises';

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
export async function loadChanges(options: {
  file: string;
  records: ItsmRecordsService;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, records, logger } = options;
  if ((await records.countChanges()) > 0) return 0;
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
    let change: Change = await records.createChange(
      {
        ...seed,
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + seed.durationHours * HOUR).toISOString(),
      },
      { actor: seed.requester, at: iso(requestedAt) },
    );
    for (const step of steps) {
      const by = {
        actor: step.actor,
        at: iso(start - step.daysBeforeStart * DAY),
      };
      if (step.decision) {
        change = await records.decideChange(
          change,
          { decision: step.decision, comment: step.comment },
          by,
        );
      } else {
        change = await records.updateChange(
          change,
          {
            version: change.version,
            status: step.status,
            outcome: step.outcome,
            outcomeNotes: step.outcomeNotes,
            freezeOverrideReason: step.freezeOverrideReason,
          },
          by,
        );
      }
    }
    if (seed.causedIncident) {
      const { hoursAfterStart, resolvedHoursAfterStart, ...report } =
        seed.causedIncident;
      const at = (hours: number) => iso(start + hours * HOUR);
      let incident = await records.createIncident(report, {
        actor: report.reporter,
        at: at(hoursAfterStart),
      });
      for (const status of ['acknowledged', 'in_progress'] as const) {
        incident = await records.updateIncident(
          incident,
          { version: incident.version, status },
          { actor: report.reporter, at: at(hoursAfterStart) },
        );
      }
      incident = await records.updateIncident(
        incident,
        {
          version: incident.version,
          status: 'resolved',
          resolutionCode: 'rolled_back',
          resolutionNotes: report.resolutionNotes,
        },
        { actor: seed.requester, at: at(resolvedHoursAfterStart) },
      );
      await records.setIncidentCause(incident, change, {
        actor: seed.requester,
        at: at(resolvedHoursAfterStart),
      });
    }
  }
  logger.info(`Seeded ${seeds.length} changes from ${file}`);
  return seeds.length;
}
