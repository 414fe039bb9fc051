import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, isError } from '@backstage/errors';
import {
  AlertOutcome,
  AlertRoute,
  AlertRoutingRules,
  Incident,
  IngestResult,
  routeAlert,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  DatabaseAlertStore,
  StoredAlertState,
} from '../database/DatabaseAlertStore';
import { IncidentStore } from '../database/IncidentStore';
import { isUniqueViolation } from '../database/uniqueViolation';
import { ActorContext, IncidentService } from '../service/IncidentService';
import { WorkaroundService } from '../service/WorkaroundService';
import { IngestConfig } from './IngestConfig';
import { AlertIncidents } from './AlertIncidents';
import { ReceivedAlert, ReceivedNotification } from './ReceivedAlert';

/** Races lost in a row before a 409 asks the sender to retry. */
const MAX_ATTEMPTS = 8;

type AlertResult = IngestResult['alerts'][number];

/** What the ingest service is built from. */
export interface AlertIngestServiceOptions {
  alerts: DatabaseAlertStore;
  incidents: IncidentService;
  incidentStore: Pick<IncidentStore, 'appendEvent'>;
  workarounds: Pick<WorkaroundService, 'suggestions'>;
  routing: {
    get(): Promise<Pick<AlertRoutingRules, 'entityByName' | 'selectors'>>;
  };
  config: IngestConfig;
  logger: LoggerService;
}

/**
 * Alerts in, incidents out: routes each alert to a service, deduplicates on
 * the alert's key, and drives the incident's lifecycle (open, attach,
 * reopen, resolve). Idempotent across replicas: every decision is taken
 * again after a lost race, and the database's unique indexes and
 * compare-and-set updates decide the races.
 */
export class AlertIngestService {
  private readonly incidentSide: AlertIncidents;

  constructor(private readonly options: AlertIngestServiceOptions) {
    this.incidentSide = new AlertIncidents(options);
  }

  async ingest(
    notification: ReceivedNotification,
    ctx: ActorContext,
  ): Promise<IngestResult> {
    const { config } = this.options;
    const index = await this.options.routing.get();
    const rules: AlertRoutingRules = {
      ...index,
      labelNames: config.labels,
      defaultService: this.knownDefault(notification.source, index),
    };
    const routes = notification.alerts.map(alert => routeAlert(alert, rules));
    const now = ctx.now ?? new Date().toISOString();
    // The common case first: repeats of alerts in the same state, counted
    // in one statement for the whole notification
    const unique = new Set(notification.alerts.map(a => a.dedupKey));
    const repeated =
      unique.size === notification.alerts.length
        ? await this.options.alerts.bumpRepeats(
            notification.source,
            notification.alerts
              .map((alert, i) => ({
                dedupKey: alert.dedupKey,
                status: alert.status,
                routable: !!routes[i],
                acknowledge: alert.acknowledge,
              }))
              .filter(a => !a.acknowledge),
            now,
          )
        : undefined;
    const results: AlertResult[] = [];
    // In order: the first alert of a group opens the incident the next join
    for (const [i, alert] of notification.alerts.entries()) {
      if (repeated?.has(alert.dedupKey)) {
        results.push({
          dedupKey: alert.dedupKey,
          status: alert.status,
          outcome: 'repeated',
        });
        continue;
      }
      results.push(
        await this.ingestAlert(notification, alert, routes[i], {
          ...ctx,
          now: ctx.now ?? new Date().toISOString(),
        }),
      );
    }
    return {
      status: 'success',
      message: 'Event processed',
      dedup_key: notification.alerts[0]?.dedupKey,
      alerts: results,
    };
  }

  /**
   * The source's default service, if the catalog has it: an alert routed to
   * a missing entity would be refused (400) and resent forever; unmapped, it
   * waits in the triage list instead.
   */
  private knownDefault(
    source: ReceivedNotification['source'],
    index: Pick<AlertRoutingRules, 'entityByName'>,
  ): string | undefined {
    const ref = this.options.config.sources[source].defaultService;
    if (!ref) return undefined;
    const name = ref.slice(ref.indexOf('/') + 1);
    if (index.entityByName(name) === ref) return ref;
    this.options.logger.warn(
      `itsm.ingest.sources.${source}.defaultService: ${ref} is not in the catalog; its alerts stay unmapped`,
    );
    return undefined;
  }

  private async ingestAlert(
    n: ReceivedNotification,
    alert: ReceivedAlert,
    route: AlertRoute | undefined,
    ctx: ActorContext & { now: string },
  ): Promise<AlertResult> {
    const { alerts } = this.options;
    const base = { dedupKey: alert.dedupKey, status: alert.status };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (
        !alert.acknowledge &&
        (await alerts.bumpRepeat(
          n.source,
          alert.dedupKey,
          alert.status,
          ctx.now,
          {
            routable: !!route,
          },
        ))
      ) {
        return { ...base, outcome: 'repeated' };
      }
      const state = await alerts.getState(n.source, alert.dedupKey);
      let result;
      if (alert.acknowledge) result = await this.acknowledge(state, ctx);
      else if (state) {
        result = await this.changeState(n, alert, route, state, ctx);
      } else result = await this.firstSighting(n, alert, route, ctx);
      if (result) return { ...base, ...result };
      // Lost a race: read the new state and decide again
    }
    throw new ConflictError(
      `${alert.dedupKey}: the alert changed concurrently too often; send it again`,
    );
  }

  /** A new alert. Undefined when another replica stored it first. */
  private async firstSighting(
    n: ReceivedNotification,
    alert: ReceivedAlert,
    route: AlertRoute | undefined,
    ctx: ActorContext & { now: string },
  ): Promise<Omit<AlertResult, 'dedupKey' | 'status'> | undefined> {
    const opened =
      alert.status === 'firing' && route
        ? await this.incidentSide.ensure(n, alert, route, ctx)
        : undefined;
    try {
      await this.options.alerts.insert(
        {
          ...alert,
          source: n.source,
          incidentId: opened?.incident.id,
          entityRef: route?.entityRef,
        },
        ctx.now,
      );
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    if (!opened) {
      return {
        outcome: alert.status === 'resolved' ? 'ignored' : 'unmapped',
        ...(route ? { entityRef: route.entityRef } : {}),
      };
    }
    // Only the replica whose row won writes the note: one per sighting
    await this.incidentSide.note(
      opened.incident,
      alert,
      route!,
      opened.outcome,
      'joined',
      ctx,
    );
    return this.describe(opened.outcome, opened.incident, route);
  }

  /** A known alert whose state changes. Undefined when a race was lost. */
  private async changeState(
    n: ReceivedNotification,
    alert: ReceivedAlert,
    route: AlertRoute | undefined,
    state: StoredAlertState,
    ctx: ActorContext & { now: string },
  ): Promise<Omit<AlertResult, 'dedupKey' | 'status'> | undefined> {
    const { alerts } = this.options;
    if (alert.status === 'resolved') {
      // Firing → resolved (a repeat of resolved took the fast path)
      const moved = await alerts.transition(
        state.id,
        state,
        { ...state, status: 'resolved' },
        ctx.now,
      );
      if (!moved) return undefined;
      if (!state.incidentId) {
        return {
          outcome: 'resolved',
          ...(state.entityRef ? { entityRef: state.entityRef } : {}),
        };
      }
      const incident = await this.incidentSide.alertResolved(
        n,
        alert,
        state.incidentId,
        ctx,
      );
      return this.describe(
        'resolved',
        incident,
        state.entityRef ? { entityRef: state.entityRef } : undefined,
      );
    }
    if (!route) {
      const moved = await alerts.transition(
        state.id,
        state,
        { status: 'firing', incidentId: undefined, entityRef: undefined },
        ctx.now,
      );
      return moved ? { outcome: 'unmapped' } : undefined;
    }
    // Firing again, firing on a closed incident, or mapped at last
    const opened = await this.incidentSide.ensure(n, alert, route, ctx);
    const moved = await alerts.transition(
      state.id,
      state,
      {
        status: 'firing',
        incidentId: opened.incident.id,
        entityRef: route.entityRef,
      },
      ctx.now,
    );
    if (!moved) return undefined;
    if (state.status === 'firing' && state.incidentId === opened.incident.id) {
      // It was stored meanwhile by another request: a repeat after all
      return this.describe('repeated', opened.incident, route);
    }
    await this.incidentSide.note(
      opened.incident,
      alert,
      route,
      opened.outcome,
      'firing again',
      ctx,
    );
    return this.describe(opened.outcome, opened.incident, route);
  }

  /** PagerDuty's acknowledge: acknowledges the alert's incident if still new. */
  private async acknowledge(
    state: StoredAlertState | undefined,
    ctx: ActorContext & { now: string },
  ): Promise<Omit<AlertResult, 'dedupKey' | 'status'> | undefined> {
    if (!state?.incidentId) return { outcome: 'ignored' };
    const moved = await this.options.alerts.transition(
      state.id,
      state,
      state,
      ctx.now,
    );
    if (!moved) return undefined;
    let incident = await this.options.incidents.get(state.incidentId);
    if (incident.status === 'new') {
      try {
        incident = await this.options.incidents.update(
          incident,
          { status: 'acknowledged', version: incident.version },
          ctx,
        );
      } catch (error) {
        if (!(isError(error) && error.name === 'ConflictError')) throw error;
      }
    }
    return this.describe('acknowledged', incident, {
      entityRef: state.entityRef,
    });
  }

  private describe(
    outcome: AlertOutcome,
    incident: Incident,
    route: { entityRef?: string } | undefined,
  ): Omit<AlertResult, 'dedupKey' | 'status'> {
    return {
      outcome,
      incidentId: incident.id,
      incidentRef: incident.ref,
      ...(route?.entityRef ? { entityRef: route.entityRef } : {}),
    };
  }
}
