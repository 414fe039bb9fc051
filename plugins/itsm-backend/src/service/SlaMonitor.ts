import { LoggerService } from '@backstage/backend-plugin-api';
import { IncidentStore } from '../database/IncidentStore';
import {
  DatabaseSlaStore,
  DueSlaEvent,
  SlaStage,
  SlaTargetKind,
} from '../database/DatabaseSlaStore';
import { IncidentEventPublisher } from './IncidentEventPublisher';

/** Who the timeline names for what the monitor records. */
export const SLA_MONITOR_ACTOR = 'itsm:sla-monitor';

const BATCH = 500;

/**
 * The scheduled SLA check: records each warning (at the configured share
 * of a target) and each breach on the incident's timeline exactly once, and
 * tells event listeners (escalation, notifications).
 */
export class SlaMonitor {
  constructor(
    private readonly slaStore: DatabaseSlaStore,
    private readonly incidents: IncidentStore,
    private readonly events: IncidentEventPublisher,
    private readonly logger: LoggerService,
  ) {}

  /** One pass; returns how many events this pass recorded. */
  async run(now: string = new Date().toISOString()): Promise<number> {
    let recorded = 0;
    const passes: Array<[SlaTargetKind, SlaStage]> = [
      ['response', 'warning'],
      ['response', 'breach'],
      ['resolution', 'warning'],
      ['resolution', 'breach'],
    ];
    for (const [kind, stage] of passes) {
      const due = await this.slaStore.findDue(kind, stage, now, BATCH);
      for (const item of due) {
        if (await this.record(item, now)) recorded++;
      }
    }
    if (recorded) {
      this.logger.info(
        `SLA monitor recorded ${recorded} warning(s)/breach(es)`,
      );
    }
    return recorded;
  }

  private async record(due: DueSlaEvent, now: string): Promise<boolean> {
    const target = due.kind === 'response' ? 'Response' : 'Resolution';
    const message =
      due.stage === 'warning'
        ? `${target} SLA warning: the warning share of the target was reached at ${due.at}`
        : `${target} SLA breached: it was due at ${due.at}`;
    const recorded = await this.slaStore.recordOnce(
      due,
      {
        type: due.stage === 'warning' ? 'sla_warning' : 'sla_breached',
        actor: SLA_MONITOR_ACTOR,
        message,
        after: { target: due.kind, reachedAt: due.at },
      },
      now,
    );
    if (recorded) {
      const incident = await this.incidents.getIncident(due.id);
      if (incident) {
        await this.events.publish({
          type: 'incident.sla',
          stage: due.stage,
          target: due.kind,
          incident,
          actor: SLA_MONITOR_ACTOR,
        });
      }
    }
    return recorded;
  }
}
