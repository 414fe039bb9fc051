import { Priority, PRIORITIES } from '../priority/PriorityMatrix';

/** The two roles every crisis cell has. @public */
export const COMMANDER_ROLE = 'commander';
/** @public */
export const COMMUNICATIONS_ROLE = 'communications';

/**
 * `itsm.majorIncidents` from app-config.
 * @public
 */
export interface MajorIncidentConfig {
  /** Roles of the crisis cell; always includes commander and communications. */
  roles: string[];
  /** Minutes between stakeholder updates, per priority (absent: no cadence). */
  cadenceMinutes: Partial<Record<Priority, number>>;
  /** Group told of every declaration and subscribed to its updates. */
  managementGroup?: string;
  /** `openitsm.io/sla-tier` values whose incidents are proposed as major. */
  criticalTiers: string[];
  /** An incident on at least this many services is proposed as major. */
  severalServices: number;
  /** How many dependsOn steps the blast radius follows. */
  blastRadiusDepth: number;
}

/** @public */
export const DEFAULT_MAJOR_INCIDENT_CONFIG: MajorIncidentConfig = {
  roles: [COMMANDER_ROLE, COMMUNICATIONS_ROLE, 'operations-lead', 'scribe'],
  cadenceMinutes: { P1: 30, P2: 60, P3: 120, P4: 240, P5: 240 },
  criticalTiers: [],
  severalServices: 3,
  blastRadiusDepth: 3,
};

/** The deepest blast radius the config may ask for. @public */
export const MAX_BLAST_RADIUS_DEPTH = 10;

const ROLE = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Reads `itsm.majorIncidents` (plain JSON from app-config); bad values throw
 * an error naming the key.
 * @public
 */
export function parseMajorIncidentConfig(raw: unknown): MajorIncidentConfig {
  const key = 'itsm.majorIncidents';
  if (raw === undefined || raw === null) return DEFAULT_MAJOR_INCIDENT_CONFIG;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${key} must be an object`);
  }
  const obj = raw as Record<string, unknown>;
  const d = DEFAULT_MAJOR_INCIDENT_CONFIG;

  let roles = d.roles;
  if (obj.roles !== undefined) {
    if (
      !Array.isArray(obj.roles) ||
      obj.roles.some(r => typeof r !== 'string' || !ROLE.test(r))
    ) {
      throw new Error(
        `${key}.roles must be a list of role names (lower-case letters, digits and dashes), e.g. [commander, communications, scribe]`,
      );
    }
    roles = [
      ...new Set([COMMANDER_ROLE, COMMUNICATIONS_ROLE, ...obj.roles]),
    ] as string[];
  }

  const cadenceMinutes = { ...d.cadenceMinutes };
  if (obj.cadenceMinutes !== undefined) {
    const raw2 = obj.cadenceMinutes;
    if (typeof raw2 !== 'object' || raw2 === null || Array.isArray(raw2)) {
      throw new Error(`${key}.cadenceMinutes must map priorities to minutes`);
    }
    for (const [priority, minutes] of Object.entries(raw2)) {
      if (!PRIORITIES.includes(priority as Priority)) {
        throw new Error(
          `${key}.cadenceMinutes.${priority}: not a priority (P1–P5)`,
        );
      }
      if (
        minutes !== null &&
        (!Number.isInteger(minutes) || (minutes as number) < 1)
      ) {
        throw new Error(
          `${key}.cadenceMinutes.${priority} must be a positive whole number of minutes`,
        );
      }
      if (minutes === null) delete cadenceMinutes[priority as Priority];
      else cadenceMinutes[priority as Priority] = minutes as number;
    }
  }

  let managementGroup: string | undefined;
  if (obj.managementGroup !== undefined) {
    if (typeof obj.managementGroup !== 'string' || !obj.managementGroup) {
      throw new Error(`${key}.managementGroup must be a group ref`);
    }
    managementGroup = qualify(obj.managementGroup, 'group');
  }

  let criticalTiers = d.criticalTiers;
  if (obj.criticalTiers !== undefined) {
    if (
      !Array.isArray(obj.criticalTiers) ||
      obj.criticalTiers.some(t => typeof t !== 'string' || !t)
    ) {
      throw new Error(`${key}.criticalTiers must be a list of SLA tier names`);
    }
    criticalTiers = obj.criticalTiers as string[];
  }

  const severalServices = positiveInteger(
    obj.severalServices,
    d.severalServices,
    `${key}.severalServices`,
    2,
    50,
  );
  const blastRadiusDepth = positiveInteger(
    obj.blastRadiusDepth,
    d.blastRadiusDepth,
    `${key}.blastRadiusDepth`,
    0,
    MAX_BLAST_RADIUS_DEPTH,
  );
  return {
    roles,
    cadenceMinutes,
    managementGroup,
    criticalTiers,
    severalServices,
    blastRadiusDepth,
  };
}

function positiveInteger(
  value: unknown,
  fallback: number,
  key: string,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (
    !Number.isInteger(value) ||
    (value as number) < min ||
    (value as number) > max
  ) {
    throw new Error(`${key} must be a whole number from ${min} to ${max}`);
  }
  return value as number;
}

function qualify(ref: string, kind: string): string {
  const lower = ref.toLocaleLowerCase('en-US');
  const withKind = lower.includes(':') ? lower : `${kind}:${lower}`;
  const [k, rest] = withKind.split(':', 2);
  return rest.includes('/') ? withKind : `${k}:default/${rest}`;
}
