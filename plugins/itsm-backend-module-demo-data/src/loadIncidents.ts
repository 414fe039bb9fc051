import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
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
  /** Resolves once the catalog knows these services (or gives up). */
  catalogReady?: (entityRefs: string[]) => Promise<boolean>;
}): Promise<number> {
  const { file, store, incidents, logger } = options;
  if ((await store.countIncidents()) > 0) {
    return 0;
  }
  const { incidents: seeds } = JSON.parse(await fs.readFile(file, 'utf8')) as {
    incidents: SeedIncident[];
  };
  if (options.catalogReady) {
    const primaries = [...new Set(seeds.map(s => s.affectedServices[0]))];
    if (!(await options.catalogReady(primaries))) {
      logger.warn(
        'The catalog does not list the seeded services yet; seeding with the default SLA policy',
      );
    }
  }
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

/**
 * Polls the catalog until it knows every one of `entityRefs`, or until the
 * timeout; true when they all resolved.
 */
export async function catalogHasEntities(
  catalog: CatalogService,
  auth: AuthService,
  entityRefs: string[],
  options: { timeoutMs: number; intervalMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs, fields: ['metadata.name'] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    if (items.every(Boolean)) return true;
    if (Date.now() > deadline) return false;
    await new Promise(r => setTimeout(r, options.intervalMs ?? 2000));
  }
}
