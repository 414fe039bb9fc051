import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './changeGate.examples';
import { explainingItsmErrors } from './itsmErrors';
import { ItsmActionOptions, itsmClientFor } from './itsmClientFor';

/**
 * `itsm:change:gate`: asks Backstage ITSM whether a deployment of a service
 * may proceed (an approved change with its window open, no freeze in the
 * way) and, unless told otherwise, stops the task with the reasons when not.
 * @public
 */
export function createItsmChangeGateAction(options: ItsmActionOptions) {
  return createTemplateAction({
    id: 'itsm:change:gate',
    description:
      'Asks Backstage ITSM whether a deployment of a service may proceed now (or at a given time): an approved or standard change with its window open and no freeze in the way. Fails with the reasons when blocked, unless failOnBlocked is false.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description:
              'The service to deploy, e.g. component:default/payments-api',
          }),
        at: z =>
          z
            .string({
              description:
                'When the deployment happens, ISO 8601 date-time; now when left out',
            })
            .optional(),
        failOnBlocked: z =>
          z
            .boolean({
              description:
                'Fail the step when the deployment may not proceed (default true)',
            })
            .optional(),
      },
      output: {
        allowed: z => z.boolean({ description: 'May it proceed' }),
        reasons: z =>
          z.array(
            z.object({
              code: z.string(),
              message: z.string(),
              changeRef: z.string().optional(),
              freeze: z.string().optional(),
            }),
            { description: 'Why (when allowed) or why not' },
          ),
        changeRef: z =>
          z.string({ description: 'The change that authorises it' }).optional(),
        until: z =>
          z
            .string({
              description: 'Until when the answer holds, when allowed',
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const { entityRef, at, failOnBlocked = true } = ctx.input;
      const client = await itsmClientFor(options, ctx);
      const gate = await explainingItsmErrors(
        `Could not ask the change gate about ${entityRef}`,
        () => client.getChangeGate({ entityRef, at }),
      );
      const reasons = gate.reasons.map(
        ({ code, message, changeRef, freeze }) => ({
          code,
          message,
          ...(changeRef ? { changeRef } : {}),
          ...(freeze ? { freeze } : {}),
        }),
      );
      ctx.output('allowed', gate.allowed);
      ctx.output('reasons', reasons);
      if (gate.change) ctx.output('changeRef', gate.change.ref);
      if (gate.until) ctx.output('until', gate.until);
      if (gate.allowed) {
        ctx.logger.info(
          `Deployment of ${gate.entityRef} may proceed: ${reasons[0]?.message}`,
        );
        return;
      }
      const list = reasons.map(r => `- ${r.message}`).join('\n');
      if (failOnBlocked) {
        throw new Error(
          `Deployment of ${gate.entityRef} at ${gate.at} is blocked by change management:\n${list}`,
        );
      }
      ctx.logger.warn(`Deployment of ${gate.entityRef} is blocked:\n${list}`);
    },
  });
}
