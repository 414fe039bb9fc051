import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';

const DAY = 24 * 3600_000;

/**
 * The KPIs of the last `days` days and of the `days` before them, for a
 * service or an assigned group: two reads of `GET /reports/kpis`.
 */
export function useKpiComparison(options: {
  entityRef?: string;
  group?: string;
  days: number;
}) {
  const api = useApi(itsmApiRef);
  const { entityRef, group, days } = options;
  return useAsyncRetry(async () => {
    const now = Date.now();
    const at = (daysBack: number) =>
      new Date(now - daysBack * DAY).toISOString();
    const [current, previous] = await Promise.all([
      api.getKpiReport({ entityRef, group, from: at(days), to: at(0) }),
      api.getKpiReport({ entityRef, group, from: at(2 * days), to: at(days) }),
    ]);
    return { current, previous };
  }, [api, entityRef, group, days]);
}
