import {
  computeSlaClock,
  Priority,
  resolveSlaTargets,
  SlaConfig,
  SlaPause,
} from '@openitsm/backstage-plugin-itsm-common';
import { StoredSla } from '../database/IncidentStore';

/**
 * Due and warning times of an incident's SLA clocks, from the configured
 * policies (itsm.sla) and the business calendars they count in.
 */
export class SlaCalculator {
  constructor(private readonly config: SlaConfig) {}

  /**
   * The clocks for an incident detected at `detectedAt` with `priority`,
   * under the service's tier (or the default policy), after `pauses`.
   * `now` only matters while a pause is open: the due time then assumes
   * the pause ends now.
   */
  compute(options: {
    priority: Priority;
    policy?: string;
    detectedAt: string;
    pauses: SlaPause[];
    now: string;
    /** When resolved: the business time to resolve is recorded. */
    resolvedAt?: string;
  }): StoredSla {
    const targets = resolveSlaTargets(
      this.config,
      options.priority,
      options.policy,
    );
    const clock = (target: typeof targets.response) => {
      const computed = computeSlaClock({
        targetMinutes: target.minutes,
        calendar: target.calendar,
        startedAt: options.detectedAt,
        pauses: options.pauses,
        now: options.now,
        warningRatio: this.config.warningPercent / 100,
      });
      return {
        targetMinutes: target.minutes,
        calendar: target.calendarName,
        dueAt: computed.dueAt,
        warningAt: computed.warningAt,
      };
    };
    const resolvedAt = options.resolvedAt;
    return {
      policy: targets.policy,
      pauses: options.pauses,
      response: clock(targets.response),
      resolution: clock(targets.resolution),
      // What the resolution clock counted, in its calendar, holds left out:
      // frozen at the resolution, as the due times are.
      resolutionBusinessMs: resolvedAt
        ? Math.round(
            computeSlaClock({
              targetMinutes: targets.resolution.minutes,
              calendar: targets.resolution.calendar,
              startedAt: options.detectedAt,
              pauses: options.pauses,
              stoppedAt: resolvedAt,
              now: resolvedAt,
            }).elapsedMinutes * 60_000,
          )
        : null,
    };
  }
}
