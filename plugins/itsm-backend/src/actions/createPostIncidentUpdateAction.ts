import { auditWrite } from '../router/audit';
import { callerFromCredentials } from '../router/caller';
import { postIncidentUpdate } from '../router/postIncidentUpdate';
import { timelineEventSchema, toTimelineEvent } from './actionOutputs';
import { ItsmActionsOptions } from './ItsmActionsOptions';

/** `post-itsm-incident-update`: `POST /incidents/:id/updates`. */
export function createPostIncidentUpdateAction(options: ItsmActionsOptions) {
  const { actionsRegistry, auth, auditor } = options;
  const deps = {
    authorizer: options.incidentAuthorizer,
    incidents: options.incidents,
    majorIncidents: options.majorIncidents,
  };
  const callerOf = callerFromCredentials(auth);
  actionsRegistry.register({
    name: 'post-itsm-incident-update',
    title: 'Post an update on an incident',
    description: `
Adds an update to an incident's timeline (e.g. INC-1042). An internal update is a note for the
people working on it: findings, what was tried, next steps. A stakeholder update is sent to
everyone subscribed to the incident (usually a major incident) and sets when the next one is
due: write it for people outside the team. It does not change the incident's status or fields.
`.trim(),
    // Appends to the timeline; nothing is overwritten or deleted
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          incident: z
            .string()
            .min(1)
            .max(64)
            .describe('The incident ref, e.g. INC-1042, or its id'),
          message: z.string().trim().min(1).max(20000),
          audience: z
            .enum(['internal', 'stakeholders'])
            .optional()
            .describe('internal (default) or stakeholders'),
          stage: z
            .enum(['investigating', 'identified', 'monitoring', 'resolved'])
            .optional()
            .describe('Stakeholder updates: where the incident stands'),
          impact: z
            .string()
            .max(4000)
            .optional()
            .describe('Stakeholder updates: who is affected and how'),
          nextSteps: z.string().max(4000).optional(),
        }),
      output: z =>
        z.object({
          incidentRef: z.string(),
          update: timelineEventSchema(z),
        }),
    },
    action: async ({ input, credentials }) => {
      const { incident: idOrRef, ...request } = input;
      const caller = await callerOf(credentials);
      const { incident, event } = await auditWrite(
        auditor,
        {
          eventId: 'incident-add-update',
          meta: {
            action: 'post-itsm-incident-update',
            actor: caller.actor,
            id: idOrRef,
          },
        },
        () => postIncidentUpdate(deps, caller, idOrRef.trim(), request),
        added => ({ ref: added.incident.ref, timelineEventId: added.event.id }),
      );
      return {
        output: { incidentRef: incident.ref, update: toTimelineEvent(event) },
      };
    },
  });
}
