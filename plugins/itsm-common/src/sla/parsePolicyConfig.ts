import { PRIORITIES, Priority, isPriority } from '../priority/PriorityMatrix';
import type { BusinessCalendar } from './BusinessCalendar';
import {
  describeValue,
  expectKnownKeys,
  expectObject,
  expectPositiveNumber,
  hasOwn,
} from './configReading';
import type { SlaPolicy, SlaPriorityTarget } from './SlaPolicy';

/** A policy as written in config: everything optional except on `default`. */
export interface RawPolicy {
  key: string;
  extends?: string;
  calendar?: string;
  targets: Partial<Record<Priority, Partial<SlaPriorityTarget>>>;
}

function parseCalendarRef(
  value: unknown,
  key: string,
  calendars: Record<string, BusinessCalendar>,
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !hasOwn(calendars, value)) {
    throw new Error(
      `${key} references unknown calendar ${describeValue(
        value,
      )}; known calendars: ${Object.keys(calendars).join(', ')}`,
    );
  }
  return value;
}

/** Reads one policy; `isDefault` requires complete targets and forbids `extends`. */
export function parseRawPolicy(
  input: unknown,
  key: string,
  isDefault: boolean,
  calendars: Record<string, BusinessCalendar>,
): RawPolicy {
  const raw = expectObject(input, key, 'with calendar and targets');
  expectKnownKeys(
    raw,
    key,
    isDefault ? ['calendar', 'targets'] : ['extends', 'calendar', 'targets'],
  );
  if (raw.extends !== undefined && typeof raw.extends !== 'string') {
    throw new Error(
      `${key}.extends must be the name of another policy, got ${describeValue(
        raw.extends,
      )}`,
    );
  }
  const policy: RawPolicy = {
    key,
    extends: raw.extends as string | undefined,
    calendar: parseCalendarRef(raw.calendar, `${key}.calendar`, calendars),
    targets: {},
  };

  const targetsKey = `${key}.targets`;
  const targets = expectObject(
    raw.targets ?? (isDefault ? undefined : {}),
    targetsKey,
    `keyed by priority (${PRIORITIES.join(', ')})`,
  );
  for (const [priority, value] of Object.entries(targets)) {
    if (!isPriority(priority)) {
      throw new Error(
        `${targetsKey}.${priority} is not a priority; use ${PRIORITIES.join(
          ', ',
        )}`,
      );
    }
    const targetKey = `${targetsKey}.${priority}`;
    const rawTarget = expectObject(
      value,
      targetKey,
      'with responseMinutes, resolutionMinutes and optionally calendar',
    );
    expectKnownKeys(rawTarget, targetKey, [
      'responseMinutes',
      'resolutionMinutes',
      'calendar',
    ]);
    const parsed: Partial<SlaPriorityTarget> = {};
    for (const field of ['responseMinutes', 'resolutionMinutes'] as const) {
      if (isDefault || rawTarget[field] !== undefined) {
        parsed[field] = expectPositiveNumber(
          rawTarget[field],
          `${targetKey}.${field}`,
        );
      }
    }
    parsed.calendar = parseCalendarRef(
      rawTarget.calendar,
      `${targetKey}.calendar`,
      calendars,
    );
    policy.targets[priority] = parsed;
  }
  if (isDefault) {
    for (const priority of PRIORITIES) {
      if (!policy.targets[priority]) {
        throw new Error(
          `${targetsKey}.${priority} is missing; the default policy needs targets for ${PRIORITIES.join(
            ', ',
          )}`,
        );
      }
    }
  }
  return policy;
}

/**
 * Resolves `extends` chains and inherited fields into complete policies.
 * Per priority: minutes come from the nearest policy that sets them; the
 * calendar from the policy's own target, else the policy's own calendar, else
 * whatever its parent resolved.
 */
export function resolvePolicies(
  raw: Record<string, RawPolicy>,
  key: string,
  rootName: string,
): Record<string, SlaPolicy> {
  const resolved: Record<string, SlaPolicy> = {};

  const resolve = (name: string, chain: string[]): SlaPolicy => {
    if (hasOwn(resolved, name)) {
      return resolved[name];
    }
    const policy = raw[name];
    if (chain.includes(name)) {
      const cycle = [...chain.slice(chain.indexOf(name)), name];
      throw new Error(
        `${key}.${name}.extends forms a cycle: ${cycle.join(' → ')}`,
      );
    }
    const parentName =
      name === rootName ? undefined : policy.extends ?? rootName;
    if (parentName !== undefined && !hasOwn(raw, parentName)) {
      throw new Error(
        `${policy.key}.extends references unknown policy (tier) ${describeValue(
          parentName,
        )}; known policies: ${Object.keys(raw).join(', ')}`,
      );
    }
    const parent =
      parentName === undefined
        ? undefined
        : resolve(parentName, [...chain, name]);

    const targets = {} as Record<Priority, SlaPriorityTarget>;
    for (const priority of PRIORITIES) {
      const own = policy.targets[priority] ?? {};
      const inherited = parent?.targets[priority];
      targets[priority] = {
        responseMinutes: own.responseMinutes ?? inherited!.responseMinutes,
        resolutionMinutes:
          own.resolutionMinutes ?? inherited!.resolutionMinutes,
        calendar:
          own.calendar ??
          policy.calendar ??
          inherited?.calendar ??
          // DESIGN: P1 and P2 run around the clock unless configured otherwise
          (priority === 'P1' || priority === 'P2' ? '24x7' : 'business'),
      };
    }
    resolved[name] = { targets };
    return resolved[name];
  };

  for (const name of Object.keys(raw)) {
    resolve(name, []);
  }
  return resolved;
}
