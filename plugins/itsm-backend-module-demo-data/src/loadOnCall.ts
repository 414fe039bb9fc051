import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CreateOnCallScheduleRequest,
  OnCallOverride,
  PutEscalationPolicyRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRecordsService } from '@openitsm/backstage-plugin-itsm-node';
import fs from 'node:fs/promises';
import { DEMO_DATA_ACTOR } from './actor';

/** An override of a seed file, with times relative to now. */
type SeedOverride = Omit<OnCallOverride, 'from' | 'to'> & {
  fromHoursFromNow: number;
  toHoursFromNow: number;
};

/** The on-call seed file (examples/itsm-seed/oncall.json). */
export interface OnCallSeed {
  schedules: Array<
    Omit<CreateOnCallScheduleRequest, 'overrides'> & {
      overrides?: SeedOverride[];
    }
  >;
  escalationPolicies: Array<PutEscalationPolicyRequest & { groupRef: string }>;
}

/**
 * Loads demo schedules and escalation policies once: only when there are no
 * schedules yet. They go through the same validation and catalog checks as
 * the API's.
 */
export async function loadOnCall(options: {
  file: string;
  records: ItsmRecordsService;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, records, logger } = options;
  if ((await records.countSchedules()) > 0) {
    return 0;
  }
  const seed = JSON.parse(await fs.readFile(file, 'utf8')) as OnCallSeed;
  const now = (options.now ?? new Date()).getTime();
  const by = { actor: DEMO_DATA_ACTOR, at: new Date(now).toISOString() };
  const hours = (h: number) => new Date(now + h * 3600_000).toISOString();
  for (const s of seed.schedules) {
    await records.createSchedule(
      {
        name: s.name,
        ownerGroup: s.ownerGroup,
        timezone: s.timezone,
        layers: s.layers,
        overrides: (s.overrides ?? []).map(
          ({ fromHoursFromNow, toHoursFromNow, ...o }) => ({
            ...o,
            from: hours(fromHoursFromNow),
            to: hours(toHoursFromNow),
          }),
        ),
      },
      by,
    );
  }
  for (const p of seed.escalationPolicies) {
    await records.putEscalationPolicy(
      p.groupRef,
      {
        levels: p.levels,
        reassignOnBreach: p.reassignOnBreach ?? false,
        notifyParentOnSla: p.notifyParentOnSla ?? false,
      },
      by,
    );
  }
  logger.info(
    `Seeded ${seed.schedules.length} on-call schedules and ${seed.escalationPolicies.length} escalation policies from ${file}`,
  );
  return seed.schedules.length;
}
