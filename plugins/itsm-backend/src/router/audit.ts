import { AuditorService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Every write the API offers, named `<resource>-<action>`: the auditor
 * event ids, in one place.
 */
export type AuditEventId =
  | 'incident-create'
  | 'incident-update'
  | 'incident-add-update'
  | 'incident-set-cause'
  | 'incident-declare-major'
  | 'incident-set-roles'
  | 'incident-subscribe'
  | 'incident-unsubscribe'
  | 'service-subscribe'
  | 'service-unsubscribe'
  | 'change-create'
  | 'change-update'
  | 'change-decide'
  | 'change-link-incident'
  | 'change-unlink-incident'
  | 'problem-create'
  | 'problem-update'
  | 'problem-link-incidents'
  | 'problem-link-changes'
  | 'problem-proposal-accept'
  | 'problem-proposal-dismiss'
  | 'workaround-create'
  | 'workaround-update'
  | 'workaround-apply'
  | 'oncall-schedule-create'
  | 'oncall-schedule-update'
  | 'escalation-policy-put'
  | 'alert-ingest'
  | 'review-put'
  | 'review-approve'
  | 'action-item-create'
  | 'action-item-update'
  | 'action-item-convert';

/**
 * Runs a write inside an auditor event. The event starts with the request
 * and its path parameters (plus `meta`, e.g. an approval's decision); it
 * succeeds with what `success` makes of the result — the record's `ref` (or
 * `id` where it has none), its `version`, and the refs of other records the
 * write touched — or fails with the error, which is rethrown.
 */
export type Audited = <T>(
  req: Request<any, any, any, any>,
  eventId: AuditEventId,
  write: () => Promise<T>,
  success: (result: T) => JsonObject,
  meta?: JsonObject,
) => Promise<T>;

export function auditedBy(auditor: AuditorService): Audited {
  return (req, eventId, write, success, meta) =>
    auditWrite(
      auditor,
      { eventId, request: req, meta: { ...req.params, ...meta } },
      write,
      success,
    );
}

/**
 * One write inside an auditor event; also for writes that come without an
 * HTTP request (the AI assistants' actions), whose `meta` names the actor.
 */
export async function auditWrite<T>(
  auditor: AuditorService,
  options: {
    eventId: AuditEventId;
    request?: Request<any, any, any, any>;
    meta: JsonObject;
  },
  write: () => Promise<T>,
  success: (result: T) => JsonObject,
): Promise<T> {
  const event = await auditor.createEvent({
    ...options,
    severityLevel: 'medium',
  });
  try {
    const result = await write();
    await event.success({ meta: success(result) });
    return result;
  } catch (error) {
    await event.fail({ error: toError(error) });
    throw error;
  }
}
