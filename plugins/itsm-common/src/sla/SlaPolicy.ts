import { Priority } from '../priority/PriorityMatrix';
import {
  BusinessCalendar,
  CALENDAR_24X7,
  DEFAULT_BUSINESS_CALENDAR,
} from './BusinessCalendar';
import {
  describeValue,
  expectKnownKeys,
  expectObject,
  hasOwn,
} from './configReading';
import { parseCalendarsConfig } from './parseCalendarConfig';
import {
  RawPolicy,
  parseRawPolicy,
  resolvePolicies,
} from './parsePolicyConfig';

/**
 * The catalog annotation whose value picks a service's SLA policy (tier),
 * e.g. `openitsm.io/sla-tier: gold`.
 *
 * @public
 */
export const ANNOTATION_SLA_TIER = 'openitsm.io/sla-tier';

/**
 * Name of the always-on calendar that every configuration knows.
 *
 * @public
 */
export const CALENDAR_24X7_NAME = '24x7';

/**
 * Name of the policy used for services without a (known) tier.
 *
 * @public
 */
export const DEFAULT_SLA_POLICY_NAME = 'default';

/**
 * The targets of one priority in a policy, fully resolved.
 *
 * @public
 */
export interface SlaPriorityTarget {
  /** Business minutes from detection until acknowledged. */
  responseMinutes: number;
  /** Business minutes from detection until resolved. */
  resolutionMinutes: number;
  /** Name of the calendar both targets are counted in. */
  calendar: string;
}

/**
 * An SLA policy (the default one or a tier), with a target for every priority.
 *
 * @public
 */
export interface SlaPolicy {
  targets: Record<Priority, SlaPriorityTarget>;
}

/**
 * Parsed and resolved SLA configuration, as returned by {@link parseSlaConfig}.
 *
 * @public
 */
export interface SlaConfig {
  /** Share of a target, in percent, after which a clock is in warning. */
  warningPercent: number;
  /** Calendars by name; always includes `24x7` and `business`. */
  calendars: Record<string, BusinessCalendar>;
  /** Policies by name; always includes `default`. Other names are tiers. */
  policies: Record<string, SlaPolicy>;
}

/**
 * One SLA target ready for the clock.
 *
 * @public
 */
export interface ResolvedSlaTarget {
  minutes: number;
  calendarName: string;
  calendar: BusinessCalendar;
}

/**
 * The response and resolution targets that apply to an incident.
 *
 * @public
 */
export interface ResolvedSlaTargets {
  /** The policy the targets come from: the tier, or `default`. */
  policy: string;
  response: ResolvedSlaTarget;
  resolution: ResolvedSlaTarget;
}

const HOUR = 60;
/** A business day of the default calendar: 8 hours. */
const BUSINESS_DAY = 8 * HOUR;

function target(
  responseMinutes: number,
  resolutionMinutes: number,
  calendar: string,
): SlaPriorityTarget {
  return Object.freeze({ responseMinutes, resolutionMinutes, calendar });
}

/**
 * The configuration used when `itsm.sla` is absent: P1 15 min / 4 h and P2
 * 30 min / 8 h around the clock; P3 4 h / 3 business days, P4 8 h / 5
 * business days, P5 2 / 10 business days on the `business` calendar.
 *
 * @public
 */
export const DEFAULT_SLA_CONFIG: SlaConfig = Object.freeze({
  warningPercent: 75,
  calendars: Object.freeze({
    [CALENDAR_24X7_NAME]: CALENDAR_24X7,
    business: DEFAULT_BUSINESS_CALENDAR,
  }),
  policies: Object.freeze({
    [DEFAULT_SLA_POLICY_NAME]: Object.freeze({
      targets: Object.freeze({
        P1: target(15, 4 * HOUR, CALENDAR_24X7_NAME),
        P2: target(30, 8 * HOUR, CALENDAR_24X7_NAME),
        P3: target(4 * HOUR, 3 * BUSINESS_DAY, 'business'),
        P4: target(8 * HOUR, 5 * BUSINESS_DAY, 'business'),
        P5: target(2 * BUSINESS_DAY, 10 * BUSINESS_DAY, 'business'),
      }),
    }),
  }),
}) as SlaConfig;

/**
 * Parses and validates the `itsm.sla` configuration, throwing an error that
 * names the offending key, so bad config fails start-up.
 *
 * @remarks
 *
 * Shape (every part optional; an absent `itsm.sla` gives
 * {@link DEFAULT_SLA_CONFIG}):
 *
 * ```yaml
 * itsm:
 *   sla:
 *     warningPercent: 75          # warning at this share of a target
 *     calendars:                  # `business` is predefined (Mon–Fri 09:00–17:00 UTC)
 *       business:                 # and may be redefined; `24x7` is reserved
 *         timezone: Europe/Paris  # IANA name, required
 *         workingDays: [1, 2, 3, 4, 5]   # 1 = Monday … 7 = Sunday
 *         workingHours: { start: '09:00', end: '18:00' }  # end may be '24:00'
 *         holidays: ['2026-12-25']        # local dates
 *     policies:                   # absent: the built-in default policy
 *       default:                  # required when policies is set; for services without a tier
 *         calendar: business      # default 'business'
 *         targets:                # all of P1–P5, with both minutes (business minutes)
 *           P1: { responseMinutes: 15, resolutionMinutes: 240, calendar: 24x7 }
 *           P2: { responseMinutes: 30, resolutionMinutes: 480, calendar: 24x7 }
 *           P3: { responseMinutes: 240, resolutionMinutes: 1440 }
 *           P4: { responseMinutes: 480, resolutionMinutes: 2400 }
 *           P5: { responseMinutes: 960, resolutionMinutes: 4800 }
 *       gold:                     # a tier: picked by the openitsm.io/sla-tier annotation
 *         calendar: 24x7
 *         targets:
 *           P3: { resolutionMinutes: 480 }
 *       platinum:
 *         extends: gold           # inherit from another tier instead of default
 * ```
 *
 * A tier inherits what it does not set from the policy it `extends`
 * (`default` unless stated). For each priority, minutes come from the nearest
 * policy that sets them, and the calendar from the tier's own target, else the
 * tier's own `calendar`, else the inherited target's calendar: so
 * `calendar: business` on a bronze tier puts all its priorities on business
 * hours, while a tier without `calendar` keeps P1/P2 on 24×7 like `default`.
 *
 * @param input - the raw value at `keyPrefix`, e.g. `config.getOptional('itsm.sla')`.
 * @param keyPrefix - how errors name the configuration.
 * @public
 */
export function parseSlaConfig(
  input: unknown,
  keyPrefix = 'itsm.sla',
): SlaConfig {
  if (input === undefined || input === null) {
    return DEFAULT_SLA_CONFIG;
  }
  const raw = expectObject(
    input,
    keyPrefix,
    'with warningPercent, calendars and policies',
  );
  expectKnownKeys(raw, keyPrefix, ['warningPercent', 'calendars', 'policies']);

  const warningPercent =
    raw.warningPercent ?? DEFAULT_SLA_CONFIG.warningPercent;
  if (
    typeof warningPercent !== 'number' ||
    !(warningPercent > 0 && warningPercent <= 100)
  ) {
    throw new Error(
      `${keyPrefix}.warningPercent must be a number above 0 and at most 100, got ${describeValue(
        warningPercent,
      )}`,
    );
  }

  const calendars = {
    ...DEFAULT_SLA_CONFIG.calendars,
    ...parseCalendarsConfig(raw.calendars, `${keyPrefix}.calendars`, [
      CALENDAR_24X7_NAME,
    ]),
  };

  if (raw.policies === undefined) {
    return {
      warningPercent,
      calendars,
      policies: DEFAULT_SLA_CONFIG.policies,
    };
  }
  const policiesKey = `${keyPrefix}.policies`;
  const rawPolicies = expectObject(
    raw.policies,
    policiesKey,
    'keyed by policy name (default and tiers)',
  );
  if (!hasOwn(rawPolicies, DEFAULT_SLA_POLICY_NAME)) {
    throw new Error(
      `${policiesKey}.${DEFAULT_SLA_POLICY_NAME} is missing; it applies to services without an ${ANNOTATION_SLA_TIER} annotation`,
    );
  }
  const parsed: Record<string, RawPolicy> = {};
  for (const [name, value] of Object.entries(rawPolicies)) {
    parsed[name] = parseRawPolicy(
      value,
      `${policiesKey}.${name}`,
      name === DEFAULT_SLA_POLICY_NAME,
      calendars,
    );
  }
  return {
    warningPercent,
    calendars,
    policies: resolvePolicies(parsed, policiesKey, DEFAULT_SLA_POLICY_NAME),
  };
}

/**
 * The response and resolution targets for an incident's priority under a
 * service's tier. A missing or unknown tier falls back to the `default`
 * policy (check `policy` in the result to tell).
 *
 * @param config - from {@link parseSlaConfig}.
 * @param priority - the incident's priority.
 * @param tier - the value of the service's `openitsm.io/sla-tier` annotation.
 * @public
 */
export function resolveSlaTargets(
  config: SlaConfig,
  priority: Priority,
  tier?: string,
): ResolvedSlaTargets {
  const policy =
    tier !== undefined && hasOwn(config.policies, tier)
      ? tier
      : DEFAULT_SLA_POLICY_NAME;
  const targets = config.policies[policy].targets[priority];
  const calendar = config.calendars[targets.calendar];
  return {
    policy,
    response: {
      minutes: targets.responseMinutes,
      calendarName: targets.calendar,
      calendar,
    },
    resolution: {
      minutes: targets.resolutionMinutes,
      calendarName: targets.calendar,
      calendar,
    },
  };
}
