import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';

const DAY = 24 * 3600_000;

/**
 * Everything the SLA card shows, fetched in parallel: the last 30 days, the
 * last 30 days per priority, the last 12 months per month, and recent
 * breaches.
 */
export function useEntitySla(entityRef: string) {
  const api = useApi(itsmApiRef);
  return useAsyncRetry(async () => {
    const now = new Date();
    const to = now.toISOString();
    const from30 = new Date(now.getTime() - 30 * DAY).toISOString();
    const yearStart = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1),
    ).toISOString();
    const [last30, byPriority, byMonth, breaches] = await Promise.all([
      api.getSlaCompliance({ entityRef, from: from30, to }),
      api.getSlaCompliance({
        entityRef,
        from: from30,
        to,
        groupBy: 'priority',
      }),
      api.getSlaCompliance({
        entityRef,
        from: yearStart,
        to,
        groupBy: 'month',
      }),
      api.listIncidents({
        entityRef,
        slaBreached: true,
        from: from30,
        limit: 5,
      }),
    ]);
    return { last30, byPriority, byMonth, breaches: breaches.items };
  }, [api, entityRef]);
}
