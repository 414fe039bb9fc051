import { TimelineEvent } from '@openitsm/backstage-plugin-itsm-common';
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
affected services, assignee, SLA clocks, resolution, and the latest events of its timeline
(oldest first): every status change, assignment, escalation, alert and update, with who did it
and when. Use it to summarise an incident or to see what was already tried before posting an
update.
`.trim(),
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
            .describe('The latest this many timeline events (default 100)'),
        }),
      output: z =>
        z.object({
          incident: incidentDetailsSchema(z),
          timeline: z
            .array(timelineEventSchema(z))
            .describe('The latest events, oldest first'),
          earlierEvents: z
            .number()
            .describe('How many earlier events were left out'),
        }),
    },
    action: async ({ input, credentials }) => {
      await callerOf(credentials);
      const incident = await incidents.get(input.incident.trim());
      await incidentAuthorizer.authorizeRead(credentials, incident);
      const { latest, earlier } = await latestEvents(
        incidentStore,
        incident.id,
        input.timelineLimit ?? 100,
      );
      return {
        output: {
          incident: toIncidentDetails(incident),
          timeline: latest.map(toTimelineEvent),
          earlierEvents: earlier,
        },
      };
    },
  });
}

const PAGE = 500;
const MAX_PAGES = 20;

/**
 * The last `count` events of a timeline the store lists oldest first, read
 * page by page (bounded: an incident's timeline is a few hundred events).
 */
async function latestEvents(
  store: ItsmActionsOptions['incidentStore'],
  incidentId: string,
  count: number,
): Promise<{ latest: TimelineEvent[]; earlier: number }> {
  let latest: TimelineEvent[] = [];
  let earlier = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await store.listTimeline(incidentId, {
      limit: PAGE,
      cursor,
    });
    latest.push(...items);
    if (latest.length > count) {
      earlier += latest.length - count;
      latest = latest.slice(-count);
    }
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return { latest, earlier };
}
