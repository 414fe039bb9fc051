import { ConflictError, isError } from '@backstage/errors';
import {
  alertSeverityLevels,
  AlertRoute,
  firingAlertAction,
  Incident,
  mayAutoResolve,
} from '@openitsm/backstage-plugin-itsm-common';
import { createHash } from 'node:crypto';
import { isUniqueViolation } from '../database/uniqueViolation';
import { ActorContext } from '../service/IncidentService';
import type { AlertIngestServiceOptions } from './AlertIngestService';
import { ReceivedAlert, ReceivedNotification } from './ReceivedAlert';

/** Races lost in a row before a 409 asks the sender to retry. */
const MAX_ATTEMPTS = 8;

/**
 * The key an incident opened from alerts holds: one per (source, alert group,
 * service), so the alerts of one Alertmanager group on one service share an
 * incident, and every replica computes the same key for the same alert.
 */
export function incidentDedupKey(
  source: string,
  group: string,
  entityRef: string,
): string {
  return createHash('sha256')
    .update(`${source}\n${group}\n${entityRef}`)
    .digest('hex');
}

/**
 * The incident side of ingestion: the open incident for an alert's group
 * and service (found, reopened or opened, with its known-error
 * suggestions), the alert notes on its timeline, and resolving it when its
 * source says every alert recovered.
 */
export class AlertIncidents {
  /**
   * Per notification being ingested (so per request, gone with it): the
   * incident each key led to, so the next alerts of a group join it
   * without reading it again.
   */
  private readonly opened = new WeakMap<
    ReceivedNotification,
    Map<string, Incident>
  >();

  constructor(private readonly options: AlertIngestServiceOptions) {}

  /**
   * The open incident for this alert's group and service: the one holding
   * the key, reopened if resolved within the window, or a new one.
   */
  async ensure(
    n: ReceivedNotification,
    alert: ReceivedAlert,
    route: AlertRoute,
    ctx: ActorContext & { now: string },
  ): Promise<{
    incident: Incident;
    outcome: 'created' | 'attached' | 'reopened';
  }> {
    const key = incidentDedupKey(
      n.source,
      n.groupKey ?? alert.dedupKey,
      route.entityRef,
    );
    let memo = this.opened.get(n);
    const known = memo?.get(key);
    if (known) return { incident: known, outcome: 'attached' };
    const found = await this.findOrOpenIncident(n, alert, route, ctx);
    if (!memo) {
      memo = new Map();
      this.opened.set(n, memo);
    }
    memo.set(key, found.incident);
    return found;
  }

  private async findOrOpenIncident(
    n: ReceivedNotification,
    alert: ReceivedAlert,
    route: AlertRoute,
    ctx: ActorContext & { now: string },
  ): Promise<{
    incident: Incident;
    outcome: 'created' | 'attached' | 'reopened';
  }> {
    const { alerts, incidents, config } = this.options;
    const key = incidentDedupKey(
      n.source,
      n.groupKey ?? alert.dedupKey,
      route.entityRef,
    );
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const heldBy = await alerts.incidentIdByKey(n.source, key);
      if (heldBy) {
        const incident = await incidents.get(heldBy);
        const action = firingAlertAction(
          incident,
          ctx.now,
          config.reopenWindowMinutes,
        );
        if (action === 'attach') return { incident, outcome: 'attached' };
        if (action === 'reopen') {
          try {
            const reopened = await incidents.update(
              incident,
              { status: 'in_progress', version: incident.version },
              ctx,
            );
            return { incident: reopened, outcome: 'reopened' };
          } catch (error) {
            if (isError(error) && error.name === 'ConflictError') continue;
            throw error;
          }
        }
        await alerts.releaseIncidentKey(
          incident.id,
          key,
          `${key}#${incident.ref}`,
        );
      }
      try {
        const incident = await this.open(n, alert, route, key, ctx);
        return { incident, outcome: 'created' };
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    throw new ConflictError(
      `${alert.dedupKey}: its incident changed concurrently too often; send the alert again`,
    );
  }

  private async open(
    n: ReceivedNotification,
    alert: ReceivedAlert,
    route: AlertRoute,
    dedupKey: string,
    ctx: ActorContext & { now: string },
  ): Promise<Incident> {
    const { incidents, config } = this.options;
    const levels = alertSeverityLevels(alert.severity, config.severity);
    const incident = await incidents.create(
      {
        title: alert.title,
        description: alert.description,
        affectedServices: [route.entityRef],
        category: config.category,
        impact: levels.impact,
        urgency: levels.urgency,
        source: n.source,
        dedupKey,
      },
      ctx,
    );
    await this.suggestKnownErrors(incident, ctx).catch(error =>
      this.options.logger.warn(
        `No known-error suggestions for ${incident.ref}: ${error}`,
      ),
    );
    return incident;
  }

  /** The report dialog's suggestions, kept on the incident's timeline. */
  private async suggestKnownErrors(
    incident: Incident,
    ctx: ActorContext & { now: string },
  ) {
    const found = await this.options.workarounds.suggestions(
      {
        entityRef: incident.affectedServices[0],
        title: incident.title,
        description: incident.description,
        category: incident.category,
      },
      async () => true,
    );
    const similar = found.similarIncidents.filter(i => i.id !== incident.id);
    if (!found.workarounds.length && !similar.length) return;
    const parts = [
      found.workarounds.length
        ? `known errors ${found.workarounds
            .map(w => `${w.ref} "${w.title}"`)
            .join(', ')}`
        : '',
      similar.length
        ? `similar open incidents ${similar.map(i => i.ref).join(', ')}`
        : '',
    ].filter(Boolean);
    await this.options.incidentStore.appendEvent(
      incident.id,
      {
        type: 'known_errors_suggested',
        actor: ctx.actor,
        message: `May apply: ${parts.join('; ')}`,
        after: {
          workarounds: found.workarounds.map(w => ({
            id: w.id,
            ref: w.ref,
            title: w.title,
          })),
          similarIncidents: similar.map(i => ({
            id: i.id,
            ref: i.ref,
            title: i.title,
          })),
        },
      },
      ctx.now,
    );
  }

  /** The alert's resolution on the timeline, and maybe the incident's. */
  async alertResolved(
    n: ReceivedNotification,
    alert: ReceivedAlert,
    incidentId: string,
    ctx: ActorContext & { now: string },
  ): Promise<Incident> {
    const { incidents, incidentStore, alerts, config } = this.options;
    let incident = await incidents.get(incidentId);
    await incidentStore.appendEvent(
      incident.id,
      {
        type: 'alert_resolved',
        actor: ctx.actor,
        message: `Alert resolved: ${alert.title} (${n.source} ${alert.dedupKey})`,
        after: { source: n.source, dedupKey: alert.dedupKey },
      },
      ctx.now,
    );
    const autoResolve = config.sources[n.source].autoResolve;
    if (
      mayAutoResolve(
        incident,
        autoResolve,
        autoResolve ? await alerts.countFiring(incident.id) : 1,
      )
    ) {
      try {
        incident = await incidents.resolveFromSource(
          incident,
          `every ${n.source} alert of this incident resolved`,
          ctx,
        );
      } catch (error) {
        // Someone acknowledged or changed it meanwhile: people decide now
        if (
          !(
            isError(error) &&
            ['ConflictError', 'InputError'].includes(error.name)
          )
        ) {
          throw error;
        }
      }
    }
    return incident;
  }

  async note(
    incident: Incident,
    alert: ReceivedAlert,
    route: Pick<AlertRoute, 'rule' | 'detail'>,
    outcome: 'created' | 'attached' | 'reopened',
    attached: string,
    ctx: ActorContext & { now: string },
  ) {
    const what = {
      created: 'opened this incident',
      reopened: 'reopened this incident',
      attached,
    }[outcome];
    await this.options.incidentStore.appendEvent(
      incident.id,
      {
        type: 'alert_firing',
        actor: ctx.actor,
        message: `Alert ${what}: ${alert.title} (routed by ${route.rule} ${route.detail})`,
        after: { dedupKey: alert.dedupKey, severity: alert.severity ?? null },
      },
      ctx.now,
    );
  }
}
