import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IncidentUpdateRequest,
  MajorRoleAssignment,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRecordsService } from '@openitsm/backstage-plugin-itsm-node';
import fs from 'node:fs/promises';
import { SeedIncident } from './loadIncidents';

type At = { minutesAfterDetected: number; actor: string };

/** A seed major incident: an incident, then its declaration, cell and updates. */
export interface SeedMajorIncident extends Omit<SeedIncident, 'updates'> {
  declare: At & { reason: string; bridgeUrl?: string };
  roles?: At & { roles: MajorRoleAssignment[] };
  subscribers?: Array<At & { subscriber: string }>;
  updates?: Array<At & Omit<IncidentUpdateRequest, 'audience'>>;
}

/**
 * Replays the major incidents of a seed file through the rules (declaring
 * subscribes the owners and management, updates notify the subscribers),
 * each once: skipped when an incident with its title exists.
 */
export async function loadMajorIncidents(options: {
  file: string;
  records: ItsmRecordsService;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, records, logger } = options;
  const { majorIncidents: seeds } = JSON.parse(
    await fs.readFile(file, 'utf8'),
  ) as { majorIncidents: SeedMajorIncident[] };
  const now = (options.now ?? new Date()).getTime();
  let loaded = 0;
  for (const seed of seeds) {
    const existing = await records.findIncidents({ q: seed.title, limit: 5 });
    if (existing.some(i => i.title === seed.title)) continue;
    const at = (minutesAfter: number) =>
      new Date(
        now - (seed.detectedMinutesAgo - minutesAfter) * 60_000,
      ).toISOString();
    const { declare, roles, subscribers, updates, transitions, ...request } =
      seed;
    let incident = await records.createIncident(request, {
      actor: seed.reporter,
      at: at(0),
    });
    for (const t of transitions ?? []) {
      incident = await records.updateIncident(
        incident,
        { version: incident.version, status: t.status },
        { actor: t.actor, at: at(t.minutesAfterDetected) },
      );
    }
    incident = await records.declareMajorIncident(
      incident,
      { reason: declare.reason, bridgeUrl: declare.bridgeUrl },
      { actor: declare.actor, at: at(declare.minutesAfterDetected) },
    );
    if (roles) {
      await records.setIncidentRoles(
        incident,
        { roles: roles.roles },
        { actor: roles.actor, at: at(roles.minutesAfterDetected) },
      );
    }
    for (const s of subscribers ?? []) {
      await records.subscribeToIncident(incident, s.subscriber, {
        actor: s.actor,
        at: at(s.minutesAfterDetected),
      });
    }
    for (const { minutesAfterDetected, actor, ...update } of updates ?? []) {
      await records.postStakeholderUpdate(incident, update, {
        actor,
        at: at(minutesAfterDetected),
      });
    }
    loaded += 1;
  }
  if (loaded) logger.info(`Seeded ${loaded} major incident(s) from ${file}`);
  return loaded;
}
