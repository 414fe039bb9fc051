import { NotAllowedError } from '@backstage/errors';
import {
  Incident,
  IncidentUpdateRequest,
  majorIncidentActions,
  TimelineEvent,
} from '@openitsm/backstage-plugin-itsm-common';
import { Caller } from './caller';
import { RouterOptions } from './RouterOptions';

export type PostIncidentUpdateDeps = Pick<
  RouterOptions,
  'authorizer' | 'incidents' | 'majorIncidents'
>;

/**
 * Posts an update on an incident: an internal note needs
 * itsm.incident.update; a stakeholder update may also come from the crisis
 * cell. Shared by the route and the AI assistants' action.
 */
export async function postIncidentUpdate(
  { authorizer, incidents, majorIncidents }: PostIncidentUpdateDeps,
  caller: Caller,
  idOrRef: string,
  request: IncidentUpdateRequest,
): Promise<{ incident: Incident; event: TimelineEvent }> {
  const { credentials, catalogCredentials, actor, isUser } = caller;
  const incident = await incidents.get(idOrRef);
  const ctx = { actor, credentials: catalogCredentials };
  if (request.audience === 'stakeholders') {
    // The crisis cell may post them without itsm.incident.update
    await authorizer.authorizeRead(credentials, incident);
    const grants = await authorizer.majorGrants(credentials, incident);
    const roles = await majorIncidents.roles(incident);
    const may = majorIncidentActions(
      { userRef: isUser ? actor : undefined, ...grants },
      incident,
      roles,
    );
    if (!may.postStakeholderUpdate) {
      throw new NotAllowedError(
        `You are not allowed to post stakeholder updates on ${incident.ref} (itsm.incident.update, or a crisis-cell role)`,
      );
    }
    const event = await majorIncidents.postStakeholderUpdate(
      incident,
      request,
      ctx,
    );
    return { incident, event };
  }
  await authorizer.authorizeUpdate(credentials, incident);
  const event = await incidents.addUpdate(incident, request.message, ctx);
  return { incident, event };
}
