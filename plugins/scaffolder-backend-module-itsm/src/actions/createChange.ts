import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ChangeStatus,
  ChangeType,
  ItsmClient,
  parseTimestamp,
} from '@openitsm/backstage-plugin-itsm-common';
import { examples } from './createChange.examples';
import { explainingItsmErrors } from './itsmErrors';
import { ItsmActionOptions, itsmClientFor } from './itsmClientFor';

const MINUTE = 60_000;
const DEFAULT_DURATION_MINUTES = 60;

/** Where submitting takes a change: standard ones are pre-approved. */
const SUBMITTED_TO: Record<ChangeType, ChangeStatus[]> = {
  standard: ['assess', 'scheduled'],
  normal: ['assess', 'authorize'],
  emergency: ['assess', 'authorize'],
};

/**
 * `itsm:change:create`: requests a change on a service, as the user who runs
 * the template, and optionally submits it (standard changes are scheduled at
 * once, the others go to their approvers).
 * @public
 */
export function createItsmChangeCreateAction(
  options: ItsmActionOptions & {
    /** The app's base URL, for links to the change's page. */
    appBaseUrl: string;
  },
) {
  return createTemplateAction({
    id: 'itsm:change:create',
    description:
      'Requests a change (CHG-…) in Backstage ITSM on a service, as the user running the template; with submit, standard changes are scheduled at once and the others sent for approval.',
    examples,
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description:
              'The service the change is for, e.g. component:default/payments-api',
          }),
        title: z => z.string({ description: 'What changes' }).min(1).max(400),
        description: z =>
          z.string({ description: 'Why, and what it touches' }).optional(),
        type: z =>
          z.enum(['standard', 'normal', 'emergency'], {
            description:
              'standard (pre-approved), normal (approved by the CAB) or emergency (expedited)',
          }),
        risk: z =>
          z.enum(['low', 'medium', 'high'], {
            description: 'Chooses the approver groups',
          }),
        plannedStart: z =>
          z
            .string({
              description:
                'Start of the window, ISO 8601 date-time; now when left out',
            })
            .optional(),
        plannedEnd: z =>
          z
            .string({
              description:
                'End of the window, ISO 8601 date-time; or give durationMinutes',
            })
            .optional(),
        durationMinutes: z =>
          z
            .number({
              description: `Length of the window when plannedEnd is left out (default ${DEFAULT_DURATION_MINUTES})`,
            })
            .int()
            .positive()
            .optional(),
        implementationPlan: z => z.string().optional(),
        backoutPlan: z => z.string().optional(),
        testPlan: z => z.string().optional(),
        problemRef: z =>
          z
            .string({
              description: 'The problem this change fixes, e.g. PRB-1003',
            })
            .optional(),
        submit: z =>
          z
            .boolean({
              description:
                'Submit it now: a standard change is scheduled, a normal or emergency one goes for approval. Default false (it stays new).',
            })
            .optional(),
      },
      output: {
        id: z => z.string({ description: 'The change uuid' }),
        ref: z => z.string({ description: 'The change ref, e.g. CHG-1042' }),
        url: z => z.string({ description: "The change's page in Backstage" }),
        status: z => z.string({ description: 'Its status after the action' }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const window = plannedWindow(input);
      const client = await itsmClientFor(options, ctx);
      const created = await ctx.checkpoint({
        key: 'itsm-change-create',
        fn: async () => {
          const change = await explainingItsmErrors(
            'The change could not be created',
            () =>
              client.createChange({
                title: input.title,
                description: input.description,
                type: input.type,
                risk: input.risk,
                affectedServices: [input.entityRef],
                ...window,
                implementationPlan: input.implementationPlan,
                backoutPlan: input.backoutPlan,
                testPlan: input.testPlan,
                problemRef: input.problemRef,
              }),
          );
          return {
            id: change.id,
            ref: change.ref,
            status: change.status,
            version: change.version,
          };
        },
      });
      ctx.logger.info(`Requested ${created.ref}: ${input.title}`);
      let status: string = created.status;
      if (input.submit) {
        status = await ctx.checkpoint({
          key: `itsm-change-submit-${created.ref}`,
          fn: () => submit(client, created, input.type),
        });
        ctx.logger.info(`${created.ref} is now ${status}`);
      }
      ctx.output('id', created.id);
      ctx.output('ref', created.ref);
      ctx.output(
        'url',
        `${options.appBaseUrl.replace(/\/$/, '')}/itsm/changes/${created.ref}`,
      );
      ctx.output('status', status);
    },
  });
}

/** The window to request: given, or from now, or for durationMinutes. */
function plannedWindow(input: {
  plannedStart?: string;
  plannedEnd?: string;
  durationMinutes?: number;
}): { plannedStart: string; plannedEnd: string } {
  if (input.plannedEnd && input.durationMinutes) {
    throw new InputError('Give plannedEnd or durationMinutes, not both');
  }
  const plannedStart = input.plannedStart
    ? parseTimestamp('plannedStart', input.plannedStart)
    : new Date().toISOString();
  const plannedEnd = input.plannedEnd
    ? parseTimestamp('plannedEnd', input.plannedEnd)
    : new Date(
        Date.parse(plannedStart) +
          (input.durationMinutes ?? DEFAULT_DURATION_MINUTES) * MINUTE,
      ).toISOString();
  return { plannedStart, plannedEnd };
}

/** Walks the change to where submitting takes it; returns its status. */
async function submit(
  client: ItsmClient,
  created: { ref: string; version: number },
  type: ChangeType,
): Promise<string> {
  let current = { version: created.version, status: 'new' };
  for (const next of SUBMITTED_TO[type]) {
    const from = current;
    current = await explainingItsmErrors(
      `${created.ref} was created, but could not be moved from ${from.status} to ${next}`,
      () =>
        client.updateChange(created.ref, {
          version: from.version,
          status: next,
        }),
    );
  }
  return current.status;
}
