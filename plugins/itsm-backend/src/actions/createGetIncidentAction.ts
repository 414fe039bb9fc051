import { callerFromCredentials } from '../router/caller';
import {
  incidentDetailsSchema,
  timelineEventSchema,
  toIncidentDetails,
  toTimelineEvent,
} from './actionOutputs';
import { ItsmActionsOptions } from './ItsmActionsOptions';

/** `get-itsm-incident`: `GET /incidents/:id` and its timeline. */
export function createGetIncidentAction(options: ItsmActionsOptions) {
  const { actionsRegistry, auth, incidents, incidentAuthorizer } = options;
  const { incidentStore } = options;
  const callerOf = callerFromCredentials(auth);
  actionsRegistry.register({
    name: 'get-itsm-incident',
    title: 'Get an incident and its timeline',
    description: `
Gets one incident by its ref (e.g. INC-1042) or id: title, description, status, priority,
affected services, assignee, SLA clocks, resolution, and its timeline (newest first): every
status change, assignment, escalation, alert and update, with who did it and when. Use it to
summarise an incident or to see what was already tried before posting an update.
`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          incident: z
            .string()
            .min(1)
            .max(64)
            .describe('The incident ref, e.g. INC-1042, or its id'),
          timelineLimit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .optional()
            .describe('The newest this many timeline events (default 50)'),
        }),
      output: z =>
        z.object({
          incident: incidentDetailsSchema(z),
          timeline: z
            .array(timelineEventSchema(z))
            .describe('Newest first'),
          olderEvents: z
            .boolean()
            .describe('Whether the timeline has older events than listed'),
        }),
    },
    action: async ({ input, credentials }) => {
      await callerOf(credentials);
      const incident = await incidents.get(input.incident.trim());
      await incidentAuthorizer.authorizeRead(credentials, incident);
      const timeline = await incidentStore.listTimeline(incident.id, {
        limit: input.timelineLimit ?? 50,
      });
      return {
        output: {
          incident: toIncidentDetails(incident),
          timeline: timeline.items.map(toTimelineEvent),
          olderEvents: !!timeline.nextCursor,
        },
      };
    },
  });
}
