import {
  IncidentStatus,
  OPEN_INCIDENT_STATUSES,
} from '../incidents/IncidentLifecycle';
import { Priority } from '../priority/PriorityMatrix';
import {
  COMMANDER_ROLE,
  COMMUNICATIONS_ROLE,
  MajorIncidentConfig,
} from './MajorIncidentConfig';
import { MajorProposal } from './types';

/** A crisis-cell assignment as the rules need it. @public */
export interface MajorRoleAssignment {
  role: string;
  userRef: string;
}

/**
 * Who is asking, and what the permission policy granted them.
 * @public
 */
export interface MajorCaller {
  userRef?: string;
  /** `itsm.incident.major` on this incident. */
  mayManageMajor: boolean;
  /** `itsm.incident.update` on this incident. */
  mayUpdate: boolean;
}

/**
 * What a caller may do on an incident's major side:
 * - declare: `itsm.incident.major`, on an open incident not yet major;
 * - withdraw and set the crisis cell: `itsm.incident.major` or being the
 *   incident's commander, on a major incident;
 * - post stakeholder updates: `itsm.incident.update` or a crisis-cell role;
 * - subscribe others: `itsm.incident.major`, the commander or the
 *   communications lead.
 * @public
 */
export function majorIncidentActions(
  caller: MajorCaller,
  incident: { status: IncidentStatus; major: boolean },
  roles: MajorRoleAssignment[],
) {
  const has = (role: string) =>
    !!caller.userRef &&
    roles.some(r => r.role === role && r.userRef === caller.userRef);
  const inCell =
    !!caller.userRef && roles.some(r => r.userRef === caller.userRef);
  const open = OPEN_INCIDENT_STATUSES.includes(incident.status);
  const commands = caller.mayManageMajor || has(COMMANDER_ROLE);
  return {
    declare: caller.mayManageMajor && open && !incident.major,
    withdraw: incident.major && commands,
    setRoles: incident.major && commands,
    postStakeholderUpdate: caller.mayUpdate || inCell,
    subscribeOthers: commands || has(COMMUNICATIONS_ROLE),
  };
}

/**
 * Why an incident cannot be declared major (or its declaration withdrawn)
 * now, in words for an error message; undefined when it can.
 * @public
 */
export function majorDeclarationRefusal(
  incident: { ref: string; status: IncidentStatus; major: boolean },
  declare: boolean,
): string | undefined {
  if (declare && incident.major) {
    return `${incident.ref} is already a major incident`;
  }
  if (!declare && !incident.major) {
    return `${incident.ref} is not a major incident; there is nothing to withdraw`;
  }
  if (declare && !OPEN_INCIDENT_STATUSES.includes(incident.status)) {
    return `${incident.ref} is ${incident.status}: only an open incident can be declared major`;
  }
  return undefined;
}

/**
 * When the next stakeholder update is due after one posted at `at`: the
 * promised time when given, else `at` plus the cadence of the priority;
 * undefined when the priority has no cadence and nothing was promised.
 * @public
 */
export function nextStakeholderUpdateDue(
  priority: Priority,
  at: string,
  cadenceMinutes: Partial<Record<Priority, number>>,
  promised?: string,
): string | undefined {
  if (promised) return new Date(Date.parse(promised)).toISOString();
  const minutes = cadenceMinutes[priority];
  if (!minutes) return undefined;
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

/**
 * Time since the last stakeholder update and until the next one, in whole
 * minutes (negative until-next when overdue).
 * @public
 */
export function stakeholderUpdateTiming(
  times: { lastUpdateAt?: string; nextUpdateDueAt?: string },
  now: string,
): { sinceLastMinutes?: number; untilNextMinutes?: number; overdue: boolean } {
  const t = Date.parse(now);
  const since =
    times.lastUpdateAt !== undefined
      ? Math.floor((t - Date.parse(times.lastUpdateAt)) / 60_000)
      : undefined;
  const until =
    times.nextUpdateDueAt !== undefined
      ? Math.ceil((Date.parse(times.nextUpdateDueAt) - t) / 60_000)
      : undefined;
  return {
    sinceLastMinutes: since,
    untilNextMinutes: until,
    overdue:
      times.nextUpdateDueAt !== undefined &&
      Date.parse(times.nextUpdateDueAt) <= t,
  };
}

/**
 * The step recorded for the reminder of one due time: one reminder per due
 * time, whichever replica sends it.
 * @public
 */
export function updateReminderStep(nextUpdateDueAt: string): string {
  return `update-reminder:${new Date(
    Date.parse(nextUpdateDueAt),
  ).toISOString()}`;
}

/**
 * Who is reminded of an overdue update: the communications lead, else the
 * commander, else the assignee.
 * @public
 */
export function updateReminderRecipient(
  roles: MajorRoleAssignment[],
  assignee?: string,
): string | undefined {
  return (
    roles.find(r => r.role === COMMUNICATIONS_ROLE)?.userRef ??
    roles.find(r => r.role === COMMANDER_ROLE)?.userRef ??
    assignee
  );
}

/**
 * The people a stakeholder update goes to: users subscribed directly and
 * the members of subscribed groups, each once, sorted. A group whose members
 * are unknown adds nobody.
 * @public
 */
export function stakeholderRecipients(
  subscribers: string[],
  membersOf: ReadonlyMap<string, readonly string[]>,
): string[] {
  const people = new Set<string>();
  for (const ref of subscribers) {
    const lower = ref.toLocaleLowerCase('en-US');
    if (lower.startsWith('group:')) {
      for (const member of membersOf.get(lower) ?? []) {
        people.add(member.toLocaleLowerCase('en-US'));
      }
    } else {
      people.add(lower);
    }
  }
  return [...people].sort();
}

/**
 * Whether the backend proposes declaring an incident major: every P1, an
 * incident on several services, or one on a service of a critical tier.
 * @public
 */
export function majorProposal(
  incident: {
    priority: Priority;
    affectedServices: string[];
    major: boolean;
    status: IncidentStatus;
  },
  /** The `openitsm.io/sla-tier` of each affected service, when it has one. */
  tiers: ReadonlyMap<string, string | undefined>,
  config: Pick<MajorIncidentConfig, 'criticalTiers' | 'severalServices'>,
): MajorProposal {
  if (incident.major || !OPEN_INCIDENT_STATUSES.includes(incident.status)) {
    return { proposed: false, reasons: [] };
  }
  const reasons: string[] = [];
  if (incident.priority === 'P1') reasons.push('priority P1');
  if (incident.affectedServices.length >= config.severalServices) {
    reasons.push(`${incident.affectedServices.length} services affected`);
  }
  for (const service of incident.affectedServices) {
    const tier = tiers.get(service);
    if (tier && config.criticalTiers.includes(tier)) {
      reasons.push(`${service} is in the critical tier ${tier}`);
    }
  }
  return { proposed: reasons.length > 0, reasons };
}
