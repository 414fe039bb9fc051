import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  OnCallLevel,
  OnCallPerson,
  OnCallResponse,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  OnCallProvider,
  OnCallProviderRequest,
} from '@openitsm/backstage-plugin-itsm-node';
import { CatalogPerson, CatalogUsersByEmail } from './CatalogUsersByEmail';
import { PagerDutyClient, PagerDutyOnCall } from './PagerDutyClient';

/** The annotation the official PagerDuty Backstage plugin reads. */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

/** How far ahead to look for the next person on each level. */
const NEXT_SHIFT_HORIZON_MS = 31 * 24 * 60 * 60 * 1000;

/**
 * Who is on call for a service according to PagerDuty: the escalation policy
 * of the service named by the `pagerduty.com/service-id` annotation, level by
 * level, with PagerDuty users shown as catalog users when their emails match.
 */
export class PagerDutyOnCallProvider implements OnCallProvider {
  readonly id = 'pagerduty';

  constructor(
    private readonly deps: {
      client: PagerDutyClient;
      users: CatalogUsersByEmail;
    },
  ) {}

  async getOnCall({
    entity,
    at,
  }: OnCallProviderRequest): Promise<
    Omit<OnCallResponse, 'entityRef' | 'at'> | undefined
  > {
    const serviceId =
      entity.metadata.annotations?.[PAGERDUTY_SERVICE_ID_ANNOTATION]?.trim();
    if (!serviceId) return undefined;

    const service = await this.deps.client
      .getService(serviceId)
      .catch(error => {
        if (!(error instanceof NotFoundError)) throw error;
        const entityRef = stringifyEntityRef(entity);
        throw new NotFoundError(
          `${error.message}; check the ${PAGERDUTY_SERVICE_ID_ANNOTATION} annotation of ${entityRef}`,
        );
      });
    const policy = service.escalation_policy;
    if (!policy?.id) {
      throw new ServiceUnavailableError(
        `PagerDuty returned service "${serviceId}" without an escalation policy`,
      );
    }

    // `earliest` returns one on-call per level and user: who is on call now
    // and, for everyone else, their next shift, so the window finds who
    // takes over each level without growing with its length.
    const oncalls = await this.deps.client.listOnCalls({
      escalationPolicyId: policy.id,
      since: at,
      until: new Date(Date.parse(at) + NEXT_SHIFT_HORIZON_MS).toISOString(),
    });
    const levels = toLevels(oncalls, Date.parse(at));
    const catalogUsers = await this.deps.users.find(
      levels.flatMap(level =>
        [...level.current, ...level.upcoming.slice(0, 1)].flatMap(oncall =>
          oncall.user.email ? [oncall.user.email] : [],
        ),
      ),
    );

    return {
      source: this.id,
      scheduleName: policy.summary,
      url: policy.html_url,
      levels: levels.map(level => toOnCallLevel(level, catalogUsers)),
    };
  }
}

interface PagerDutyLevel {
  level: number;
  /** On call at the instant asked. */
  current: PagerDutyOnCall[];
  /** Starting after it, earliest first. */
  upcoming: PagerDutyOnCall[];
}

/** Levels in order, each with its current and upcoming on-calls. */
function toLevels(oncalls: PagerDutyOnCall[], at: number): PagerDutyLevel[] {
  const byLevel = new Map<number, PagerDutyLevel>();
  for (const oncall of oncalls) {
    const level = byLevel.get(oncall.escalation_level) ?? {
      level: oncall.escalation_level,
      current: [],
      upcoming: [],
    };
    byLevel.set(level.level, level);
    const start = oncall.start ? Date.parse(oncall.start) : -Infinity;
    const end = oncall.end ? Date.parse(oncall.end) : Infinity;
    if (start > at) level.upcoming.push(oncall);
    // A shift ending exactly at `at` has been handed over already.
    else if (end > at) level.current.push(oncall);
  }
  for (const level of byLevel.values()) {
    level.upcoming.sort((a, b) => Date.parse(a.start!) - Date.parse(b.start!));
  }
  return [...byLevel.values()]
    .filter(level => level.current.length || level.upcoming.length)
    .sort((a, b) => a.level - b.level);
}

function toOnCallLevel(
  { level, current, upcoming }: PagerDutyLevel,
  catalogUsers: Map<string, CatalogPerson>,
): OnCallLevel {
  const named = current.length ? current : upcoming.slice(0, 1);
  const schedules = distinct(
    named.flatMap(e => (e.schedule ? [e.schedule.summary] : [])),
  );
  const ends = current.flatMap(e => (e.end ? [Date.parse(e.end)] : []));
  const next = upcoming[0];
  return {
    level,
    name: schedules.length ? schedules.join(' / ') : `Level ${level}`,
    people: distinctBy(current, e => e.user.id).map(e =>
      toPerson(e, catalogUsers),
    ),
    // The level changes hands when its first shift ends.
    ...(ends.length
      ? { until: new Date(Math.min(...ends)).toISOString() }
      : {}),
    ...(next?.start
      ? {
          next: {
            person: toPerson(next, catalogUsers),
            from: new Date(next.start).toISOString(),
          },
        }
      : {}),
  };
}

function toPerson(
  { user }: PagerDutyOnCall,
  catalogUsers: Map<string, CatalogPerson>,
): OnCallPerson {
  const known = user.email
    ? catalogUsers.get(user.email.toLowerCase())
    : undefined;
  const person: OnCallPerson = known
    ? { ...known }
    : { displayName: user.name ?? user.summary, email: user.email };
  if (user.html_url) person.profileUrl = user.html_url;
  return stripUndefined(person);
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function distinctBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter(item => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
