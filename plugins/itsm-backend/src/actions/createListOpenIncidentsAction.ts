import { OPEN_INCIDENT_STATUSES } from '@openitsm/backstage-plugin-itsm-common';
import { callerFromCredentials } from '../router/caller';
import { incidentSummarySchema, toIncidentSummary } from './actionOutputs';
import {
  DEFAULT_ACTION_LIMIT,
  listLimitInput,
  requiredServiceRef,
  serviceRefInput,
} from './actionInputs';
import { ItsmActionsOptions } from './ItsmActionsOptions';

/** `list-open-itsm-incidents`: `GET /incidents?entityRef&status=<open>`. */
export function createListOpenIncidentsAction(options: ItsmActionsOptions) {
  const { actionsRegistry, auth, incidentAuthorizer, incidentStore } = options;
  const callerOf = callerFromCredentials(auth);
  actionsRegistry.register({
    name: 'list-open-itsm-incidents',
    title: "A service's open incidents",
    description: `
Lists the open incidents (new, acknowledged, in progress or on hold) of a service in the
software catalog, newest first, with their priority (P1 is the highest), status, assignee and
whether they are major incidents. Use it to answer "is this service having problems right
now?" before reporting a new incident. Only incidents the caller may read are listed.
Get one incident's description and timeline with get-itsm-incident.
`.trim(),
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: serviceRefInput(z),
          limit: listLimitInput(z, 'incidents'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          incidents: z.array(incidentSummarySchema(z)),
          more: z
            .boolean()
            .describe('Whether there are more open incidents than listed'),
        }),
    },
    action: async ({ input, credentials }) => {
      await callerOf(credentials);
      const decision = await incidentAuthorizer.authorizeList(credentials);
      const entityRef = requiredServiceRef(input.entityRef);
      const page = await incidentStore.listIncidents({
        entityRef,
        status: [...OPEN_INCIDENT_STATUSES],
        limit: input.limit ?? DEFAULT_ACTION_LIMIT,
        permissionFilter:
          decision.result === 'filtered' ? decision.filter : undefined,
      });
      return {
        output: {
          entityRef,
          incidents: page.items.map(toIncidentSummary),
          more: !!page.nextCursor,
        },
      };
    },
  });
}
