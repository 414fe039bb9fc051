import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ESCALATES_TO,
  dueEscalationLevels,
  EscalationLevel,
  EscalationPolicy,
} from '@openitsm/backstage-plugin-itsm-common';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import {
  EscalationCandidate,
  EscalationReassignment,
} from '../database/escalationSteps';
import { IncidentStore } from '../database/IncidentStore';
import { IncidentEventPublisher } from './IncidentEventPublisher';
import { OnCallService } from './OnCallService';

/** The actor recorded on escalation timeline events. */
export const ESCALATION_ACTOR = 'plugin:itsm/escalation';

const MAX_CANDIDATES_PER_RUN = 500;

/** Sends a notification; failures are logged, never undo a step. */
export interface EscalationNotifier {
  notify(options: {
    recipients: string[];
    title: string;
    description: string;
    incidentRef: string;
    severity: 'critical' | 'high' | 'normal';
  }): Promise<void>;
}

type SlaMark = {
  target: 'response' | 'resolution';
  stage: 'warning' | 'breach';
  at?: string;
};

function slaMarks(c: EscalationCandidate): SlaMark[] {
  const marks: SlaMark[] = [
    { target: 'response', stage: 'warning', at: c.responseWarnedAt },
    { target: 'response', stage: 'breach', at: c.responseBreachedAt },
    { target: 'resolution', stage: 'warning', at: c.resolutionWarnedAt },
    { target: 'resolution', stage: 'breach', at: c.resolutionBreachedAt },
  ];
  return marks.filter(m => !!m.at);
}

/** What EscalationMonitor is built from. */
export interface EscalationMonitorOptions {
  store: DatabaseOnCallStore;
  incidents: IncidentStore;
  oncall: OnCallService;
  catalog: CatalogService;
  auth: AuthService;
  notifier: EscalationNotifier;
  publisher?: IncidentEventPublisher;
  logger: LoggerService;
}

/**
 * Escalates incidents, each step exactly once (a row per incident and step,
 * written with its timeline event in one transaction):
 *
 * - `unacknowledged:N`: level N of the assigned group's policy is paged when
 *   the incident is still `new` that many minutes after detection;
 * - `sla:<target>:<stage>`: on an SLA warning or breach, the assignee and the
 *   group's current on-call are notified, and the parent group too when the
 *   policy asks for hierarchical escalation;
 * - on a breach, when the policy asks for functional escalation, the
 *   incident is reassigned to the group named by its group's
 *   `openitsm.io/escalates-to` annotation.
 */
export class EscalationMonitor {
  private readonly store: DatabaseOnCallStore;
  private readonly incidents: IncidentStore;
  private readonly oncall: OnCallService;
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly notifier: EscalationNotifier;
  private readonly publisher: IncidentEventPublisher | undefined;
  private readonly logger: LoggerService;

  constructor(options: EscalationMonitorOptions) {
    this.store = options.store;
    this.incidents = options.incidents;
    this.oncall = options.oncall;
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.notifier = options.notifier;
    this.publisher = options.publisher;
    this.logger = options.logger;
  }

  /** One pass; returns how many steps fired. */
  async run(now: string = new Date().toISOString()): Promise<number> {
    const candidates = await this.store.findEscalationCandidates({
      unacknowledgedBefore: now,
      limit: MAX_CANDIDATES_PER_RUN,
    });
    const groups = [
      ...new Set(
        candidates.flatMap(c => (c.assignedGroup ? [c.assignedGroup] : [])),
      ),
    ];
    const policies = await this.store.getEscalationPolicies(groups);
    const groupEntities = new Map<string, Promise<Entity | undefined>>();
    const groupEntity = (ref: string) => {
      if (!groupEntities.has(ref)) {
        groupEntities.set(
          ref,
          this.auth
            .getOwnServiceCredentials()
            .then(credentials =>
              this.catalog.getEntityByRef(ref, { credentials }),
            ),
        );
      }
      return groupEntities.get(ref)!;
    };

    let fired = 0;
    for (const candidate of candidates) {
      try {
        fired += await this.escalate(
          candidate,
          candidate.assignedGroup
            ? policies.get(candidate.assignedGroup)
            : undefined,
          now,
          groupEntity,
        );
      } catch (error) {
        this.logger.error(
          `Could not escalate ${candidate.ref}: ${(error as Error).message}`,
        );
      }
    }
    if (fired) {
      this.logger.info(`Fired ${fired} escalation step(s)`);
    }
    return fired;
  }

  private async escalate(
    c: EscalationCandidate,
    policy: EscalationPolicy | undefined,
    now: string,
    groupEntity: (ref: string) => Promise<Entity | undefined>,
  ): Promise<number> {
    const done = new Set(c.firedSteps);
    let fired = 0;

    if (c.status === 'new' && policy) {
      const minutes = (Date.parse(now) - Date.parse(c.detectedAt)) / 60_000;
      for (const index of dueEscalationLevels(policy.levels, minutes)) {
        const step = `unacknowledged:${index}`;
        if (done.has(step)) continue;
        const level = policy.levels[index];
        const recipients = await this.levelRecipients(level, now);
        const message = `Unacknowledged after ${
          level.afterMinutes
        } min: paged escalation level ${index + 1} (${
          recipients.join(', ') || 'nobody on call'
        })`;
        if (
          await this.store.fireEscalationStep(
            c.id,
            step,
            this.event(message, { level: index + 1, recipients }),
            now,
          )
        ) {
          fired += 1;
          await this.notifier.notify({
            recipients,
            title: `${c.ref} is not acknowledged: ${c.title}`,
            description: message,
            incidentRef: c.ref,
            severity: c.priority === 'P1' ? 'critical' : 'high',
          });
        }
      }
    }

    for (const mark of slaMarks(c)) {
      const step = `sla:${mark.target}:${mark.stage}`;
      if (done.has(step) || !c.assignedGroup) continue;
      const recipients = new Set<string>();
      if (c.assignee) recipients.add(c.assignee);
      const onCall = await this.oncall.currentOnCallUser(c.assignedGroup, now);
      recipients.add(onCall ?? c.assignedGroup);
      const group = await groupEntity(c.assignedGroup);
      const parent = policy?.notifyParentOnSla ? parentOf(group) : undefined;
      if (parent) recipients.add(parent);

      let reassignment: EscalationReassignment | undefined;
      if (mark.stage === 'breach' && policy?.reassignOnBreach) {
        const next = escalatesTo(group);
        if (next && next !== c.assignedGroup) {
          reassignment = {
            assignedGroup: next,
            assignee: (await this.oncall.currentOnCallUser(next, now)) ?? null,
          };
          recipients.add(reassignment.assignee ?? next);
        }
      }
      const parts = [
        `SLA ${mark.target} ${
          mark.stage === 'breach' ? 'breached' : 'warning'
        }: notified ${[...recipients].join(', ')}`,
      ];
      if (parent) parts.push(`escalated to parent group ${parent}`);
      if (reassignment) {
        parts.push(
          `reassigned to ${reassignment.assignedGroup}${
            reassignment.assignee ? ` (${reassignment.assignee})` : ''
          }`,
        );
      }
      const message = parts.join('; ');
      const event = this.event(
        message,
        { recipients: [...recipients], ...reassignment },
        reassignment
          ? { assignedGroup: c.assignedGroup, assignee: c.assignee ?? null }
          : undefined,
      );
      if (
        await this.store.fireEscalationStep(
          c.id,
          step,
          event,
          now,
          reassignment,
        )
      ) {
        fired += 1;
        await this.notifier.notify({
          recipients: [...recipients],
          title: `${c.ref} ${
            mark.stage === 'breach' ? 'breached' : 'is close to'
          } its ${mark.target} SLA: ${c.title}`,
          description: message,
          incidentRef: c.ref,
          severity: mark.stage === 'breach' ? 'critical' : 'high',
        });
        if (reassignment && this.publisher) {
          const incident = await this.incidents.getIncident(c.id);
          if (incident) {
            await this.publisher.publish({
              type: 'incident.updated',
              incident,
              previous: {
                ...incident,
                assignedGroup: c.assignedGroup,
                assignee: c.assignee,
                version: c.version,
              },
              actor: ESCALATION_ACTOR,
            });
          }
        }
      }
    }
    return fired;
  }

  /** The users (or groups) a policy level pages right now. */
  private async levelRecipients(
    level: EscalationLevel,
    now: string,
  ): Promise<string[]> {
    const recipients = new Set<string>();
    for (const target of level.targets) {
      if (target.type === 'user') recipients.add(target.userRef);
      else if (target.type === 'group') recipients.add(target.groupRef);
    }
    const scheduleTargets = level.targets.filter(t => t.type === 'schedule');
    if (scheduleTargets.length) {
      const levels = await this.oncall.levelsFor(
        { afterMinutes: level.afterMinutes, targets: scheduleTargets },
        now,
      );
      for (const member of levels) recipients.add(member);
    }
    return [...recipients];
  }

  private event(
    message: string,
    after: Record<string, unknown>,
    before?: Record<string, unknown>,
  ) {
    return {
      type: 'escalated' as const,
      actor: ESCALATION_ACTOR,
      message,
      before,
      after,
    };
  }
}

function parentOf(group: Entity | undefined): string | undefined {
  const parent = (group?.spec as { parent?: unknown } | undefined)?.parent;
  if (typeof parent !== 'string' || !parent) return undefined;
  return refOrUndefined(parent, group!.metadata.namespace);
}

function escalatesTo(group: Entity | undefined): string | undefined {
  const value = group?.metadata.annotations?.[ANNOTATION_ESCALATES_TO];
  return value ? refOrUndefined(value, group!.metadata.namespace) : undefined;
}

function refOrUndefined(ref: string, namespace?: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
