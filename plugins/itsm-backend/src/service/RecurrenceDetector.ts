import { LoggerService } from '@backstage/backend-plugin-api';
import {
  findRecurringSets,
  RecurrenceSettings,
} from '@openitsm/backstage-plugin-itsm-common';
import { ProblemProposalStore } from '../database/ProblemStore';

/** Services and incidents looked at per run, so a run stays bounded. */
const MAX_SERVICES = 500;
const MAX_INCIDENTS_PER_SERVICE = 200;

/**
 * Proposes problems for recurring incidents: N on one service with the same
 * category or similar titles within D days, and any major or P1 incident.
 * A set of incidents is proposed once, ever: dismissing it is final.
 */
export class RecurrenceDetector {
  constructor(
    private readonly store: ProblemProposalStore,
    private readonly settings: RecurrenceSettings,
    private readonly logger?: LoggerService,
  ) {}

  /** Returns how many new proposals were made. */
  async run(now = new Date().toISOString()): Promise<number> {
    const since = new Date(
      Date.parse(now) - this.settings.windowDays * 86_400_000,
    ).toISOString();
    let proposed = 0;
    const services = await this.store.servicesWithRecurrence(
      since,
      this.settings.minIncidents,
      MAX_SERVICES,
    );
    for (const entityRef of services) {
      const incidents = await this.store.unlinkedIncidents(
        entityRef,
        since,
        MAX_INCIDENTS_PER_SERVICE,
      );
      for (const set of findRecurringSets(incidents, this.settings)) {
        const refs = set.incidentIds.map(
          id => incidents.find(i => i.id === id)!.ref,
        );
        const why =
          set.by === 'category'
            ? `${refs.length} ${set.key} incidents`
            : `${refs.length} incidents like "${set.key}"`;
        const created = await this.store.propose(
          {
            entityRef,
            reason: 'recurrence',
            title:
              set.by === 'category'
                ? `Recurring ${set.key} incidents on ${nameOf(entityRef)}`
                : `Recurring: ${set.key}`,
            summary: `${why} on ${entityRef} within ${
              this.settings.windowDays
            } days (${refs.join(', ')})`,
            incidentIds: set.incidentIds,
          },
          now,
        );
        if (created) proposed++;
      }
    }
    if (this.settings.includeMajor) {
      const majors = await this.store.unlinkedMajorIncidents(
        since,
        MAX_SERVICES,
      );
      for (const incident of majors) {
        const created = await this.store.propose(
          {
            entityRef: incident.entityRef,
            reason: 'major',
            title: `Root cause of ${incident.ref}: ${incident.title}`,
            summary: `${incident.ref} was a major or P1 incident; find its root cause before it recurs`,
            incidentIds: [incident.id],
          },
          now,
        );
        if (created) proposed++;
      }
    }
    if (proposed) {
      this.logger?.info(`Recurrence detector proposed ${proposed} problem(s)`);
    }
    return proposed;
  }
}

function nameOf(entityRef: string) {
  return entityRef.split('/').pop() ?? entityRef;
}
