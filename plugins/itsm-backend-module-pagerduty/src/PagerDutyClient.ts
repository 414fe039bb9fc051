import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';

/** Config key of the API token, named in every auth error. */
export const TOKEN_CONFIG_KEY = 'itsm.pagerduty.token';

/** A PagerDuty reference object (`*_reference` types). */
export interface PagerDutyReference {
  id: string;
  type: string;
  summary: string;
  self?: string;
  html_url?: string;
}

/** The parts of a PagerDuty service this module reads. */
export interface PagerDutyService extends PagerDutyReference {
  name?: string;
  escalation_policy: PagerDutyReference;
}

/** A user as embedded in an on-call; `email` comes with `include[]=users`. */
export interface PagerDutyUser extends PagerDutyReference {
  name?: string;
  email?: string;
}

/** One on-call entry of `GET /oncalls`. */
export interface PagerDutyOnCall {
  escalation_policy: PagerDutyReference;
  escalation_level: number;
  user: PagerDutyUser;
  /** Null when a user is a direct target of the escalation rule. */
  schedule: PagerDutyReference | null;
  /** Null for a permanent on-call. */
  start: string | null;
  /** Null when the user never goes off call. */
  end: string | null;
}

interface PagerDutyOnCallsPage {
  oncalls: PagerDutyOnCall[];
  limit: number;
  offset: number;
  more: boolean;
  total: number | null;
}

const PAGE_SIZE = 100;
// An escalation policy has a handful of levels and people; this bounds a
// runaway pagination without ever cutting a real answer.
const MAX_PAGES = 5;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * A minimal client for the PagerDuty REST API v2: the two reads the on-call
 * provider needs. Errors name the config key or the missing resource and
 * never include the token.
 */
export class PagerDutyClient {
  private readonly baseUrl: string;

  constructor(private readonly options: { token: string; baseUrl: string }) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async getService(serviceId: string): Promise<PagerDutyService> {
    const body = await this.get<{ service: PagerDutyService }>(
      `/services/${encodeURIComponent(serviceId)}`,
      new URLSearchParams(),
      `service "${serviceId}"`,
    );
    return body.service;
  }

  /**
   * The on-calls of an escalation policy overlapping a window, every page;
   * with `earliest` only the first one of each level and user.
   */
  async listOnCalls(options: {
    escalationPolicyId: string;
    since: string;
    until: string;
  }): Promise<PagerDutyOnCall[]> {
    const oncalls: PagerDutyOnCall[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams([
        ['escalation_policy_ids[]', options.escalationPolicyId],
        ['include[]', 'users'],
        ['time_zone', 'UTC'],
        ['earliest', 'true'],
        ['since', options.since],
        ['until', options.until],
        ['limit', String(PAGE_SIZE)],
        ['offset', String(page * PAGE_SIZE)],
      ]);
      const body = await this.get<PagerDutyOnCallsPage>(
        '/oncalls',
        query,
        `on-calls of escalation policy "${options.escalationPolicyId}"`,
      );
      oncalls.push(...body.oncalls);
      if (!body.more) break;
    }
    return oncalls;
  }

  private async get<T>(
    path: string,
    query: URLSearchParams,
    what: string,
  ): Promise<T> {
    const search = query.toString();
    const url = `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          Authorization: `Token token=${this.options.token}`,
          Accept: 'application/vnd.pagerduty+json;version=2',
        },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `PagerDuty could not be reached at ${
          this.baseUrl
        } while reading the ${what}: ${describeNetworkError(error)}`,
      );
    }
    if (response.ok) {
      try {
        return (await response.json()) as T;
      } catch {
        throw new ServiceUnavailableError(
          `PagerDuty returned the ${what} as something other than JSON`,
        );
      }
    }
    const detail = await pagerDutyErrorMessage(response);
    switch (response.status) {
      case 401:
        throw new ServiceUnavailableError(
          `PagerDuty rejected the API token (HTTP 401${detail}); check ${TOKEN_CONFIG_KEY}`,
        );
      case 403:
        throw new ServiceUnavailableError(
          `PagerDuty refused the API token access to the ${what} (HTTP 403${detail}); give the key configured at ${TOKEN_CONFIG_KEY} read access`,
        );
      case 404:
        throw new NotFoundError(`PagerDuty has no ${what}`);
      case 429:
        throw new ServiceUnavailableError(
          `PagerDuty rate limit reached while reading the ${what} (HTTP 429); try again shortly`,
        );
      default:
        throw new ServiceUnavailableError(
          `PagerDuty failed to return the ${what} (HTTP ${response.status}${detail})`,
        );
    }
  }
}

/** `: message` from PagerDuty's `{ error: { message, errors } }` body, if any. */
async function pagerDutyErrorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      error?: { message?: unknown; errors?: unknown };
    };
    const message = body?.error?.message;
    const errors = Array.isArray(body?.error?.errors)
      ? body.error.errors.filter((e): e is string => typeof e === 'string')
      : [];
    const parts = [
      typeof message === 'string' ? message : undefined,
      ...errors,
    ].filter(Boolean);
    return parts.length ? `: ${parts.join('; ')}` : '';
  } catch {
    return '';
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') {
      return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
    }
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'string'
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}
