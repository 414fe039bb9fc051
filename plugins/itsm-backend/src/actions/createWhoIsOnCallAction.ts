import { callerFromCredentials } from '../router/caller';
import { parseTimeParam } from '../router/parseListQuery';
import { onCallSchema, toOnCall } from './actionOutputs';
import { requiredServiceRef, serviceRefInput } from './actionInputs';
import { ItsmActionsOptions } from './ItsmActionsOptions';

/** `who-is-on-call`: the `GET /oncall` route as an action. */
export function createWhoIsOnCallAction(options: ItsmActionsOptions) {
  const { actionsRegistry, auth, oncall, oncallAuthorizer } = options;
  const callerOf = callerFromCredentials(auth);
  actionsRegistry.register({
    name: 'who-is-on-call',
    title: 'Who is on call for a service',
    description: `
Tells who is on call for a service in the software catalog, now or at a given time: each
escalation level (1 is paged first) with the people on it, their contacts, when their shift
ends and who comes next. Use it before paging someone or to find who to talk to about an outage.
The service is a catalog entity ref such as "component:default/payments-api" (a bare name like
"payments-api" means a component in the default namespace).
`.trim(),
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: serviceRefInput(z),
          at: z
            .string()
            .max(40)
            .optional()
            .describe('ISO 8601 time to ask about; now when omitted'),
        }),
      output: onCallSchema,
    },
    action: async ({ input, credentials }) => {
      const { catalogCredentials } = await callerOf(credentials);
      await oncallAuthorizer.authorizeRead(credentials);
      const entityRef = requiredServiceRef(input.entityRef);
      const at = parseTimeParam('at', input.at) ?? new Date().toISOString();
      return {
        output: toOnCall(
          await oncall.getOnCall(entityRef, at, catalogCredentials),
        ),
      };
    },
  });
}
