import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';

export type StatusRouteDeps = Pick<
  RouterOptions,
  'authorizer' | 'statusBoard'
> &
  RouteHelpers;

/**
 * `/status`: any signed-in caller may read it; incidents they may not read
 * are shown without ref or title.
 */
export function addStatusRoutes(router: ItsmRouter, deps: StatusRouteDeps) {
  const { authorizer, statusBoard, callerOf } = deps;

  router.get('/status', async (req, res) => {
    const { credentials } = await callerOf(req);
    const visibility = await authorizer.visibility(credentials);
    let readable: (incident: Incident) => boolean = () => false;
    if (visibility.result === 'all') readable = () => true;
    else if (visibility.result === 'filtered') {
      readable = await authorizer.readableBy(credentials);
    }
    res.json(
      await statusBoard.status(
        {
          entityRef: req.query.entityRef || undefined,
          system: req.query.system || undefined,
        },
        readable,
      ),
    );
  });
}
