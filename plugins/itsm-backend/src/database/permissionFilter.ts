import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { IncidentQueryFilter } from '../permissions/rules';

/**
 * Turns the permission policy's conditions into WHERE clauses on
 * `itsm_incidents as i`, so a list is filtered in the database.
 */
export function applyPermissionFilter(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<IncidentQueryFilter>,
  negate = false,
): void {
  if (isAndCriteria(criteria)) {
    query[negate ? 'whereNot' : 'where'](inner => {
      for (const sub of criteria.allOf) {
        inner.andWhere(q => applyPermissionFilter(q, sub));
      }
    });
  } else if (isOrCriteria(criteria)) {
    query[negate ? 'whereNot' : 'where'](inner => {
      for (const sub of criteria.anyOf) {
        inner.orWhere(q => applyPermissionFilter(q, sub));
      }
    });
  } else if (isNotCriteria(criteria)) {
    applyPermissionFilter(query, criteria.not, !negate);
  } else if (criteria.key === 'affectedService') {
    const exists = (q: Knex.QueryBuilder) =>
      q
        .select(1)
        .from('itsm_incident_services as ps')
        .whereRaw('ps.incident_id = i.id')
        .whereIn('ps.entity_ref', criteria.values);
    if (negate) query.whereNotExists(exists);
    else query.whereExists(exists);
  } else if (criteria.key === 'assignedGroup') {
    if (negate) {
      query.where(q =>
        q
          .whereNull('i.assigned_group')
          .orWhereNotIn('i.assigned_group', criteria.values),
      );
    } else {
      query.whereIn('i.assigned_group', criteria.values);
    }
  }
}
