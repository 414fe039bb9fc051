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

    const oncalls = (
      await this.deps.client.listOnCalls({ escalationPolicyId: policy.id, at })
    ).filter(oncall => coversInstant(oncall, at));
    const catalogUsers = await this.deps.users.find(
      oncalls.flatMap(oncall => (oncall.user.email ? [oncall.user.email] : [])),
    );

    return {
      source: this.id,
      scheduleName: policy.summary,
      url: policy.html_url,
      levels: toLevels(oncalls, catalogUsers),
    };
  }
}

/** PagerDuty returns on-calls overlapping the window; keep those at `at`. */
function coversInstant(oncall: PagerDutyOnCall, at: string): boolean {
  const instant = Date.parse(at);
  const started = !oncall.start || Date.parse(oncall.start) <= instant;
  const notEnded = !oncall.end || Date.parse(oncall.end) > instant;
  return started && notEnded;
}

function toLevels(
  oncalls: PagerDutyOnCall[],
  catalogUsers: Map<string, CatalogPerson>,
): OnCallLevel[] {
  const byLevel = new Map<number, PagerDutyOnCall[]>();
  for (const oncall of oncalls) {
    const entries = byLevel.get(oncall.escalation_level) ?? [];
    entries.push(oncall);
    byLevel.set(oncall.escalation_level, entries);
  }
  return [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, entries]) => {
      const schedules = distinct(
        entries.flatMap(e => (e.schedule ? [e.schedule.summary] : [])),
      );
      const ends = entries.flatMap(e => (e.end ? [Date.parse(e.end)] : []));
      const people = distinctBy(entries, e => e.user.id).map(e =>
        toPerson(e, catalogUsers),
      );
      return {
        level,
        name: schedules.length ? schedules.join(' / ') : `Level ${level}`,
        people,
        // The level changes hands when its first shift ends.
        ...(ends.length
          ? { until: new Date(Math.min(...ends)).toISOString() }
          : {}),
      };
    });
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
