import { InputError } from '@backstage/errors';
import {
  derivePriority,
  Incident,
  parseTimestamp,
  PriorityMatrix,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { IncidentChanges, NewTimelineEvent } from '../database/IncidentStore';
import { RefCheck, serviceCheck } from './EntityRefValidator';
import { describeChanges } from './describeChanges';
import {
  checkCategory,
  groupCheck,
  uniqueRefs,
  userCheck,
} from './incidentFieldChecks';

/** What the field changes of an update are checked against. */
export interface IncidentFieldRules {
  priorityMatrix: PriorityMatrix;
  categories: string[];
  /** Normalizes the refs and checks them in the catalog, in order. */
  validateRefs(checks: RefCheck[]): Promise<string[]>;
}

/**
 * The changes an update makes to an incident's plain fields, entity refs and
 * assignment (status and SLA aside), with their timeline entries. The
 * priority follows impact and urgency through the matrix.
 */
export async function incidentFieldChanges(
  current: Incident,
  request: Omit<UpdateIncidentRequest, 'version'>,
  rules: IncidentFieldRules,
  actor: string,
): Promise<{ changes: IncidentChanges; events: NewTimelineEvent[] }> {
  const changes: IncidentChanges = {};
  const events: NewTimelineEvent[] = [];

  // Plain fields
  if (request.title !== undefined) {
    const title = request.title.trim();
    if (!title) throw new InputError('title must not be empty');
    if (title !== current.title) changes.title = title;
  }
  if (
    request.description !== undefined &&
    request.description !== current.description
  ) {
    changes.description = request.description;
  }
  if (request.category !== undefined && request.category !== current.category) {
    checkCategory(request.category, rules.categories);
    changes.category = request.category;
  }
  if (
    request.reporterContact !== undefined &&
    (request.reporterContact ?? undefined) !== current.reporterContact
  ) {
    changes.reporterContact = request.reporterContact;
  }
  if (request.occurredAt !== undefined) {
    const occurredAt =
      request.occurredAt === null
        ? null
        : parseTimestamp('occurredAt', request.occurredAt);
    if (occurredAt && Date.parse(occurredAt) > Date.now() + 60_000) {
      throw new InputError(
        `occurredAt must not be in the future, got ${request.occurredAt}`,
      );
    }
    if ((occurredAt ?? undefined) !== current.occurredAt) {
      changes.occurredAt = occurredAt;
    }
  }
  const impact = request.impact ?? current.impact;
  const urgency = request.urgency ?? current.urgency;
  if (impact !== current.impact) changes.impact = impact;
  if (urgency !== current.urgency) changes.urgency = urgency;
  const priority = derivePriority(impact, urgency, rules.priorityMatrix);
  if (priority !== current.priority) changes.priority = priority;

  // Entity refs, checked against the catalog in one round trip
  const checks: RefCheck[] = [];
  (request.affectedServices ?? []).forEach((ref, i) =>
    checks.push(serviceCheck(`affectedServices[${i}]`, ref)),
  );
  if (request.affectedServices && !request.affectedServices.length) {
    throw new InputError('affectedServices must name at least one service');
  }
  if (request.assignee) checks.push(userCheck('assignee', request.assignee));
  if (request.assignedGroup) {
    checks.push(groupCheck('assignedGroup', request.assignedGroup));
  }
  const normalized = await rules.validateRefs(checks);
  let next = 0;
  if (request.affectedServices) {
    const services = uniqueRefs(
      normalized.slice(0, request.affectedServices.length),
    );
    next = request.affectedServices.length;
    if (services.join() !== current.affectedServices.join()) {
      changes.affectedServices = services;
    }
  }
  const before = {
    assignee: current.assignee,
    assignedGroup: current.assignedGroup,
  };
  const after = { ...before };
  if (request.assignee !== undefined) {
    after.assignee = request.assignee === null ? undefined : normalized[next++];
  }
  if (request.assignedGroup !== undefined) {
    after.assignedGroup =
      request.assignedGroup === null ? undefined : normalized[next++];
  }
  if (after.assignee !== before.assignee) {
    changes.assignee = after.assignee ?? null;
  }
  if (after.assignedGroup !== before.assignedGroup) {
    changes.assignedGroup = after.assignedGroup ?? null;
  }

  const fieldChange = describeChanges(current, changes);
  if (fieldChange) {
    events.push({ type: 'fields_changed', actor, ...fieldChange });
  }
  if (changes.assignee !== undefined || changes.assignedGroup !== undefined) {
    const target = [after.assignedGroup, after.assignee]
      .filter(Boolean)
      .join(' / ');
    events.push({
      type: 'assigned',
      actor,
      message: target ? `Assigned to ${target}` : 'Unassigned',
      before,
      after,
    });
  }
  return { changes, events };
}
