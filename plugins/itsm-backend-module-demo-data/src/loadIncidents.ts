import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CreateIncidentRequest,
  IncidentSource,
  IncidentStatus,
  ResolutionCode,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRecordsService } from '@openitsm/backstage-plugin-itsm-node';
import fs from 'node:fs/promises';

/** One incident of a seed file; times are relative so demo data stays fresh. */
export interface SeedIncident extends CreateIncidentRequest {
  reporter: string;
  source?: IncidentSource;
  detectedMinutesAgo: number;
  transitions?: Array<{
    status: IncidentStatus;
    minutesAfterDetected: number;
    actor: string;
    resolutionCode?: ResolutionCode;
    resolutionNotes?: string;
  }>;
  updates?: Array<{
    minutesAfterDetected: number;
    actor: string;
    message: string;
  }>;
}

/**
 * Replays a seed file through the incident rules (so refs, priorities and
 * timelines are exactly what real use would produce), once: only when there
 * are no incidents yet.
 */
export async function loadIncidents(options: {
  file: string;
  records: ItsmRecordsService;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, records, logger } = options;
  if ((await records.countIncidents()) > 0) {
    return 0;
  }
  const { incidents: seeds } = JSON.parse(await fs.readFile(file, 'utf8')) as {
    incidents: SeedIncident[];
  };
  const now = (options.now ?? new Date()).getTime();
  const at = (minutesAgo: number) =>
    new Date(now - minutesAgo * 60_000).toISOString();

  // Oldest first, so refs grow with time as they would in real use.
  const ordered = [...seeds].sort(
    (a, b) => b.detectedMinutesAgo - a.detectedMinutesAgo,
  );
  for (const seed of ordered) {
    let incident = await records.createIncident(seed, {
      actor: seed.reporter,
      at: at(seed.detectedMinutesAgo),
    });
    const steps = [
      ...(seed.transitions ?? []).map(t => ({ kind: 'status' as const, ...t })),
      ...(seed.updates ?? []).map(u => ({ kind: 'update' as const, ...u })),
    ].sort((a, b) => a.minutesAfterDetected - b.minutesAfterDetected);
    for (const step of steps) {
      const by = {
        actor: step.actor,
        at: at(seed.detectedMinutesAgo - step.minutesAfterDetected),
      };
      if (step.kind === 'update') {
        await records.addIncidentUpdate(incident, step.message, by);
      } else {
        incident = await records.updateIncident(
          incident,
          {
            version: incident.version,
            status: step.status,
            resolutionCode: step.resolutionCode,
            resolutionNotes: step.resolutionNotes,
          },
          by,
        );
      }
    }
  }
  logger.info(`Seeded ${ordered.length} incidents from ${file}`);
  return ordered.length;
}
