import {
  IncidentStatus,
  isIncidentStatus,
  isPriority,
  Priority,
} from '@openitsm/backstage-plugin-itsm-common';
import { EMPTY_FILTERS, IncidentFilterValues } from './IncidentFilters';

/** The URL query parameter of each filter, so a filtered view can be shared. */
const PARAMS: Record<keyof IncidentFilterValues, string> = {
  q: 'q',
  entityRef: 'service',
  status: 'status',
  priority: 'priority',
  from: 'from',
  to: 'to',
  slaBreached: 'breached',
  assignedGroup: 'group',
  assignee: 'assignee',
  category: 'category',
};

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);

/** The filters a URL names; unknown values are dropped, not trusted. */
export function filtersFromParams(
  params: URLSearchParams,
): IncidentFilterValues {
  const text = (key: keyof IncidentFilterValues) =>
    params.get(PARAMS[key])?.trim() ?? '';
  const filters: IncidentFilterValues = {
    q: text('q'),
    entityRef: text('entityRef'),
    status: list(params.get(PARAMS.status)).filter(
      isIncidentStatus,
    ) as IncidentStatus[],
    priority: list(params.get(PARAMS.priority)).filter(
      isPriority,
    ) as Priority[],
    from: /^\d{4}-\d{2}-\d{2}$/.test(text('from')) ? text('from') : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(text('to')) ? text('to') : '',
    slaBreached: params.get(PARAMS.slaBreached) === 'true',
    assignedGroup: text('assignedGroup'),
    assignee: text('assignee'),
    category: text('category'),
  };
  return sameFilters(filters, EMPTY_FILTERS) ? EMPTY_FILTERS : filters;
}

/**
 * `params` with the filters written in (empty ones removed); parameters that
 * are not filters (a tab, say) are kept.
 */
export function filtersToParams(
  filters: IncidentFilterValues,
  params: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, param] of Object.entries(PARAMS) as Array<
    [keyof IncidentFilterValues, string]
  >) {
    const value = filters[key];
    let text: string;
    if (Array.isArray(value)) text = value.join(',');
    else if (typeof value === 'boolean') text = value ? 'true' : '';
    else text = value.trim();
    if (text) next.set(param, text);
    else next.delete(param);
  }
  return next;
}

export function sameFilters(a: IncidentFilterValues, b: IncidentFilterValues) {
  return JSON.stringify(a) === JSON.stringify(b);
}
