import {
  EscalationLevel,
  OnCallNow,
  StoredOnCallSchedule,
  whoIsOnCall,
} from '@openitsm/backstage-plugin-itsm-common';

/**
 * Who is on call on every layer of a schedule at one instant, worked out
 * once per schedule however many levels page it.
 */
class OnCallAt {
  private readonly bySchedule = new Map<string, OnCallNow[]>();

  constructor(private readonly at: string) {}

  layer(schedule: StoredOnCallSchedule, layerName: string) {
    let all = this.bySchedule.get(schedule.id);
    if (!all) {
      all = whoIsOnCall(schedule, this.at);
      this.bySchedule.set(schedule.id, all);
    }
    return all[schedule.layers.findIndex(l => l.name === layerName)];
  }
}

/** A target of a level, before contact details are looked up. */
export type LevelMember =
  | { kind: 'user'; ref: string }
  | { kind: 'group'; ref: string };

/** A level of the built-in on-call, with refs only. */
export interface RefLevel {
  level: number;
  name: string;
  members: LevelMember[];
  until?: string;
  next?: { userRef: string; from: string };
  shiftSource?: string;
  /** The schedule that answered for this level, when one did. */
  schedule?: StoredOnCallSchedule;
}

/** Who is on call on one layer of a schedule, as a level. */
function layerLevel(
  schedule: StoredOnCallSchedule,
  layerName: string,
  level: number,
  onCall: OnCallAt,
): RefLevel {
  const now = onCall.layer(schedule, layerName);
  return {
    level,
    name: layerName,
    members: now?.user ? [{ kind: 'user', ref: now.user }] : [],
    until: now?.until,
    next: now?.next
      ? { userRef: now.next.user, from: now.next.from }
      : undefined,
    shiftSource: now?.source,
    schedule,
  };
}

/** Every layer of a schedule as a level, in order. */
export function scheduleLevels(
  schedule: StoredOnCallSchedule,
  at: string,
): RefLevel[] {
  const onCall = new OnCallAt(at);
  return schedule.layers.map((layer, i) =>
    layerLevel(schedule, layer.name, i + 1, onCall),
  );
}

/**
 * The levels of a group's escalation policy at an instant: schedule targets
 * resolve to whoever is on call on the layer; users and groups are as named.
 * A level's `until` and `next` come from its first schedule target.
 */
export function policyLevels(
  levels: EscalationLevel[],
  schedulesByName: Map<string, StoredOnCallSchedule>,
  at: string,
): RefLevel[] {
  const onCall = new OnCallAt(at);
  return levels.map((level, i) => {
    const delay = level.afterMinutes
      ? `after ${level.afterMinutes} min`
      : 'paged first';
    const result: RefLevel = {
      level: i + 1,
      name: delay,
      members: [],
    };
    for (const target of level.targets) {
      if (target.type === 'user') {
        result.members.push({ kind: 'user', ref: target.userRef });
      } else if (target.type === 'group') {
        result.members.push({ kind: 'group', ref: target.groupRef });
      } else {
        const schedule = schedulesByName.get(target.schedule);
        const layer = target.layer ?? schedule?.layers[0]?.name;
        if (
          !schedule ||
          !layer ||
          !schedule.layers.some(l => l.name === layer)
        ) {
          continue;
        }
        const onLayer = layerLevel(schedule, layer, i + 1, onCall);
        result.members.push(...onLayer.members);
        if (!result.schedule) {
          result.name = `${schedule.name} ${layer} (${delay})`;
          result.until = onLayer.until;
          result.next = onLayer.next;
          result.shiftSource = onLayer.shiftSource;
          result.schedule = schedule;
        }
      }
    }
    return result;
  });
}

/** The schedule names escalation levels refer to. */
export function policyScheduleNames(levels: EscalationLevel[]): string[] {
  const names = new Set<string>();
  for (const level of levels) {
    for (const t of level.targets) {
      if (t.type === 'schedule') names.add(t.schedule);
    }
  }
  return [...names];
}
