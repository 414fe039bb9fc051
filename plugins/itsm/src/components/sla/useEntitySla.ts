import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';

const DAY = 24 * 3600_000;
const MINUTE = 60_000;

/**
 * Everything the SLA card shows, fetched in parallel: the last 30 days, the
 * last 30 days per priority, the last 12 months per month, and recent
 * breaches.
 */
export function useEntitySla(entityRef: string) {
  const api = useApi(itsmApiRef);
  return useAsyncRetry(async () => {
    // Up to now (the backend's default `to`), from whole minutes: every
    // view of the card within a minute asks the same questions, which the
    // backend then answers from its response cache.
    const now = new Date();
    const from30 = new Date(
      Math.floor((now.getTime() - 30 * DAY) / MINUTE) * MINUTE,
    ).toISOString();
    const yearStart = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1),
    ).toISOString();
    const [last30, byPriority, byMonth, breaches] = await Promise.all([
      api.getSlaCompliance({ entityRef, from: from30 }),
      api.getSlaCompliance({
        entityRef,
        from: from30,
        groupBy: 'priority',
      }),
      api.getSlaCompliance({
        entityRef,
        from: yearStart,
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
