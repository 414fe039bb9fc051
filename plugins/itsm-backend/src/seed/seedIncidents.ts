import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CreateIncidentRequest,
  IncidentSource,
  IncidentStatus,
  ResolutionCode,
} from '@openitsm/backstage-plugin-itsm-common';
import fs from 'node:fs/promises';
import { IncidentService } from '../service/IncidentService';
import { IncidentStore } from '../database/IncidentStore';

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
export async function seedIncidents(options: {
  file: string;
  store: IncidentStore;
  incidents: IncidentService;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, store, incidents, logger } = options;
  if ((await store.countIncidents()) > 0) {
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
    let incident = await incidents.create(seed, {
      actor: seed.reporter,
      now: at(seed.detectedMinutesAgo),
      replay: true,
    });
    const steps = [
      ...(seed.transitions ?? []).map(t => ({ kind: 'status' as const, ...t })),
      ...(seed.updates ?? []).map(u => ({ kind: 'update' as const, ...u })),
    ].sort((a, b) => a.minutesAfterDetected - b.minutesAfterDetected);
    for (const step of steps) {
      const ctx = {
        actor: step.actor,
        now: at(seed.detectedMinutesAgo - step.minutesAfterDetected),
        replay: true,
      };
      if (step.kind === 'update') {
        await incidents.addUpdate(incident, step.message, ctx);
      } else {
        incident = await incidents.update(
          incident,
          {
            version: incident.version,
            status: step.status,
            resolutionCode: step.resolutionCode,
            resolutionNotes: step.resolutionNotes,
          },
          ctx,
        );
      }
    }
  }
  logger.info(`Seeded ${ordered.length} incidents from ${file}`);
  return ordered.length;
}
