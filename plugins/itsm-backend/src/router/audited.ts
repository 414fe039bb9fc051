import { AuditorService } from '@backstage/backend-plugin-api';
import { Request } from 'express';

/**
 * Runs a mutation inside an auditor event: success with the metadata `fn`
 * returns, or failure with its error (rethrown).
 */
export function auditedBy(auditor: AuditorService) {
  return async (
    req: Request<any, any, any, any>,
    eventId: string,
    fn: () => Promise<Record<string, string | number>>,
  ) => {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta: req.params.id ? { id: req.params.id } : undefined,
    });
    try {
      await event.success({ meta: await fn() });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };
}
