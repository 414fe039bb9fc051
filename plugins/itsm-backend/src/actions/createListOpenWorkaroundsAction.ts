import { InputError } from '@backstage/errors';
import { callerFromCredentials } from '../router/caller';
import { parseEntityRefParam } from '../router/parseListQuery';
import { toWorkaround, workaroundSchema } from './actionOutputs';
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
          entityRef: z
            .string()
            .min(1)
            .max(255)
            .describe(
              'The service, e.g. component:default/payments-api or payments-api',
            ),
          limit: z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe('At most this many workarounds (default 25)'),
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
      const entityRef = parseEntityRefParam('entityRef', input.entityRef);
      if (!entityRef) throw new InputError('entityRef: required');
      const page = await workaroundStore.listWorkarounds({
        entityRef,
        open: true,
        limit: input.limit ?? 25,
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
