import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';

const DAY = 24 * 3600_000;

/** What the reports page filters on. */
export interface KpiFilters {
  /** Days back from today. */
  days: number;
  entityRef?: string;
  /** A catalog system: the KPIs of its services. */
  system?: string;
  group?: string;
}

/**
 * The reports the page charts, in parallel: per week (volumes, MTTA/MTTR
 * trend, backlog), per priority, per service (compliance, top services) and
 * per assigned group (compliance by team).
 */
export function useKpiReports(filters: KpiFilters) {
  const api = useApi(itsmApiRef);
  return useAsyncRetry(async () => {
    const from = new Date(Date.now() - filters.days * DAY).toISOString();
    const query = {
      from,
      entityRef: filters.entityRef || undefined,
      system: filters.system || undefined,
      group: filters.group || undefined,
    };
    const [byWeek, byPriority, byService, byGroup] = await Promise.all([
      api.getKpiReport({ ...query, groupBy: 'week' }),
      api.getKpiReport({ ...query, groupBy: 'priority' }),
      api.getKpiReport({ ...query, groupBy: 'service' }),
      api.getKpiReport({ ...query, groupBy: 'group' }),
    ]);
    return { byWeek, byPriority, byService, byGroup };
  }, [api, filters.days, filters.entityRef, filters.system, filters.group]);
}
