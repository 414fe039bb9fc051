import { auditWrite } from '../router/audit';
import { callerFromCredentials } from '../router/caller';
import { incidentDetailsSchema, toIncidentDetails } from './actionOutputs';
import { ItsmActionsOptions } from './ItsmActionsOptions';

const LEVELS = ['high', 'medium', 'low'] as const;

/** `report-itsm-incident`: `POST /incidents`. */
export function createReportIncidentAction(options: ItsmActionsOptions) {
  const { actionsRegistry, auth, auditor, incidents } = options;
  const { incidentAuthorizer } = options;
  const categories = options.categories as [string, ...string[]];
  const callerOf = callerFromCredentials(auth);
  actionsRegistry.register({
    name: 'report-itsm-incident',
    title: 'Report an incident',
    description: `
Reports a new incident on one or more services of the software catalog. The priority (P1 to
P5) is derived from impact and urgency: high impact and high urgency is P1. The incident is
assigned to the primary service's owner and its on-call person automatically. Before
reporting, check list-open-itsm-incidents for the service: do not report the same disruption
twice. Each call creates a new incident (INC-…), returned with its ref.
`.trim(),
    // Creates a record; nothing is overwritten or deleted
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          title: z
            .string()
            .trim()
            .min(1)
            .max(400)
            .describe('What is wrong, in a sentence'),
          description: z
            .string()
            .max(20000)
            .optional()
            .describe('What users see, since when, what was tried'),
          affectedServices: z
            .array(z.string().min(1).max(255))
            .min(1)
            .max(50)
            .describe(
              'Catalog entity refs of the affected services, the primary first, e.g. ["component:default/payments-api"]',
            ),
          category: z.enum(categories).describe('The kind of disruption'),
          impact: z
            .enum(LEVELS)
            .describe(
              'How widely it hurts: high = many users or a whole service',
            ),
          urgency: z
            .enum(LEVELS)
            .describe('How fast it must be fixed: high = now, business stops'),
          occurredAt: z
            .string()
            .max(40)
            .optional()
            .describe('When the disruption began (ISO 8601), if known'),
        }),
      output: z => z.object({ incident: incidentDetailsSchema(z) }),
    },
    action: async ({ input, credentials }) => {
      const { catalogCredentials, actor, isUser } = await callerOf(credentials);
      const incident = await auditWrite(
        auditor,
        {
          eventId: 'incident-create',
          meta: { action: 'report-itsm-incident', actor },
        },
        async () => {
          await incidentAuthorizer.authorizeCreate(credentials);
          return incidents.create(
            { ...input, source: isUser ? 'portal' : 'api' },
            { actor, credentials: catalogCredentials },
          );
        },
        created => ({ ref: created.ref }),
      );
      return { output: { incident: toIncidentDetails(incident) } };
    },
  });
}
