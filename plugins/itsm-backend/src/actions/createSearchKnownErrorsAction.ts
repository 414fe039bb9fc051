import { callerFromCredentials } from '../router/caller';
import { parseEntityRefParam } from '../router/parseListQuery';
import { toWorkaround, workaroundSchema } from './actionOutputs';
import { DEFAULT_ACTION_LIMIT, listLimitInput } from './actionInputs';
import { ItsmActionsOptions } from './ItsmActionsOptions';

/**
 * `search-itsm-known-errors`: open workarounds (known errors) whose title,
 * ref, or problem's title or ref contains the words.
 */
export function createSearchKnownErrorsAction(options: ItsmActionsOptions) {
  const { actionsRegistry, auth, problemAuthorizer, workaroundStore } = options;
  const callerOf = callerFromCredentials(auth);
  actionsRegistry.register({
    name: 'search-itsm-known-errors',
    title: 'Search known errors',
    description: `
Searches the known errors: active workarounds whose problem is not resolved (or that stand
alone), across all services or on one service. The query is matched, case-insensitively and
as one phrase, against the workaround's title and ref (WA-…) and its problem's title and ref
(PRB-…): use one or two distinctive words such as "timeout" or "certificate", or a ref.
Each result has the steps to apply the workaround and the services it applies to.
`.trim(),
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          query: z
            .string()
            .trim()
            .min(2)
            .max(200)
            .describe('Words to look for, e.g. "timeout", or a ref'),
          entityRef: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe('Only known errors of this service'),
          limit: listLimitInput(z, 'results'),
        }),
      output: z =>
        z.object({
          knownErrors: z.array(workaroundSchema(z)),
          more: z.boolean().describe('Whether there are more than listed'),
        }),
    },
    action: async ({ input, credentials }) => {
      await callerOf(credentials);
      await problemAuthorizer.authorize(credentials, 'read', 'known errors');
      const page = await workaroundStore.listWorkarounds({
        entityRef: parseEntityRefParam('entityRef', input.entityRef),
        open: true,
        q: input.query,
        limit: input.limit ?? DEFAULT_ACTION_LIMIT,
      });
      return {
        output: {
          knownErrors: page.items.map(toWorkaround),
          more: !!page.nextCursor,
        },
      };
    },
  });
}
