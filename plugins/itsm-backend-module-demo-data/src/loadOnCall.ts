import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CreateOnCallScheduleRequest,
  OnCallOverride,
  PutEscalationPolicyRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import fs from 'node:fs/promises';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';

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
 * schedules yet. The seed is trusted demo data, written straight to the
 * store after the same validation the API applies in itsm-common.
 */
export async function seedOnCall(options: {
  file: string;
  store: DatabaseOnCallStore;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, store, logger } = options;
  if ((await store.listSchedules()).length) {
    return 0;
  }
  const seed = JSON.parse(await fs.readFile(file, 'utf8')) as OnCallSeed;
  const now = (options.now ?? new Date()).getTime();
  const at = new Date(now).toISOString();
  const hours = (h: number) => new Date(now + h * 3600_000).toISOString();
  for (const s of seed.schedules) {
    await store.createSchedule(
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
      at,
    );
  }
  for (const p of seed.escalationPolicies) {
    await store.putEscalationPolicy(
      {
        groupRef: p.groupRef,
        levels: p.levels,
        reassignOnBreach: p.reassignOnBreach ?? false,
        notifyParentOnSla: p.notifyParentOnSla ?? false,
      },
      undefined,
      at,
    );
  }
  logger.info(
    `Seeded ${seed.schedules.length} on-call schedules and ${seed.escalationPolicies.length} escalation policies from ${file}`,
  );
  return seed.schedules.length;
}
