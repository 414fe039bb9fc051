import { callerFromCredentials } from '../router/caller';
import { toWorkaround, workaroundSchema } from './actionOutputs';
import {
  DEFAULT_ACTION_LIMIT,
  listLimitInput,
  requiredServiceRef,
  serviceRefInput,
} from './actionInputs';
import { ItsmActionsOptions } from './ItsmActionsOptions';

/** `list-open-itsm-workarounds`: `GET /workarounds?entityRef&open=true`. */
export function createListOpenWorkaroundsAction(options: ItsmActionsOptions) {
  const { actionsRegistry, auth, problemAuthorizer, workaroundStore } = options;
  const callerOf = callerFromCredentials(auth);
  actionsRegistry.register({
    name: 'list-open-itsm-workarounds',
    title: "A service's open workarounds",
    description: `
Lists the open workarounds of a service in the software catalog: active workarounds (known
errors) whose problem is not resolved yet, each with the steps to apply it. Use it when a
service misbehaves, to find a known way around the problem before escalating or reporting an
incident. To search known errors by words across services, use search-itsm-known-errors.
`.trim(),
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: serviceRefInput(z),
          limit: listLimitInput(z, 'workarounds'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          workarounds: z.array(workaroundSchema(z)),
          more: z.boolean().describe('Whether there are more than listed'),
        }),
    },
    action: async ({ input, credentials }) => {
      await callerOf(credentials);
      await problemAuthorizer.authorize(credentials, 'read', 'workarounds');
      const entityRef = requiredServiceRef(input.entityRef);
      const page = await workaroundStore.listWorkarounds({
        entityRef,
        open: true,
        limit: input.limit ?? DEFAULT_ACTION_LIMIT,
      });
      return {
        output: {
          entityRef,
          workarounds: page.items.map(toWorkaround),
          more: !!page.nextCursor,
        },
      };
    },
  });
}
