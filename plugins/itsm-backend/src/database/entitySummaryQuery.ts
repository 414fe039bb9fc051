import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  OPEN_INCIDENT_STATUSES,
  PRIORITIES,
  Priority,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { IncidentQueryFilter } from '../permissions/rules';
import {
  affectedServicesColumn,
  WithAffectedServices,
} from './affectedServicesColumn';
import { DbTime } from './DbTime';
import { IncidentRow } from './incidentRows';
import { applyPermissionFilter } from './permissionFilter';

/** What one statement reads for an entity's ITSM card. */
export interface EntitySummaryRows {
  /** The open incidents, highest priority and newest first. */
  open: Array<IncidentRow & WithAffectedServices>;
  openByPriority: Record<Priority, number>;
  recentCount: number;
  lastResolved: Date | string | null;
}

const openCountColumn = (priority: Priority) => `open_${priority}`;

/**
 * The card's counts and its open incidents in one statement (one round trip,
 * which costs more than the index-only scans behind it): one row of counts
 * over the service's incidents, left-joined to its open incidents, so the
 * counts come back even when nothing is open.
 */
export async function readEntitySummary(
  db: Knex,
  time: DbTime,
  options: {
    entityRef: string;
    /** Incidents detected since then are "recent". */
    recentSince: string;
    openLimit: number;
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>;
  },
): Promise<EntitySummaryRows> {
  // Both parts start from the service's own rows (its index) and join the
  // incidents only to read them or to apply the permission filter.
  const forEntity = () => {
    const query = db('itsm_incident_services as s')
      .join('itsm_incidents as i', 'i.id', 's.incident_id')
      .where('s.entity_ref', options.entityRef);
    if (options.permissionFilter) {
      applyPermissionFilter(query, options.permissionFilter);
    }
    return query;
  };
  const openList = OPEN_INCIDENT_STATUSES.map(() => '?').join(', ');
  const counts = forEntity()
    .select(
      PRIORITIES.map(priority =>
        db.raw(
          `sum(case when s.status in (${openList}) and i.priority = ? then 1 else 0 end) as ??`,
          [...OPEN_INCIDENT_STATUSES, priority, openCountColumn(priority)],
        ),
      ),
    )
    .select(
      db.raw(
        'sum(case when s.detected_at >= ? then 1 else 0 end) as recent_count',
        [time.toDb(options.recentSince)],
      ),
    )
    .max({ last_resolved: 'i.resolved_at' })
    .as('c');
  const open = forEntity()
    .whereIn('s.status', OPEN_INCIDENT_STATUSES)
    .select('i.*', affectedServicesColumn(db))
    .orderBy([
      { column: 'i.priority', order: 'asc' },
      { column: 's.detected_at', order: 'desc' },
      { column: 'i.id', order: 'desc' },
    ])
    .limit(options.openLimit)
    .as('o');
  const rows = (await db
    .select('c.*', 'o.*')
    .from(counts)
    .leftJoin(open, join => join.on(db.raw('1 = 1')))
    .orderBy([
      { column: 'o.priority', order: 'asc' },
      { column: 'o.detected_at', order: 'desc' },
      { column: 'o.id', order: 'desc' },
    ])) as Array<
    Partial<IncidentRow & WithAffectedServices> &
      Record<string, string | number | Date | null>
  >;
  const [first] = rows;
  return {
    // No open incident: the one row of counts, with nulls for the incident
    open: rows.filter(row => row.id) as Array<
      IncidentRow & WithAffectedServices
    >,
    openByPriority: Object.fromEntries(
      PRIORITIES.map(p => [p, Number(first?.[openCountColumn(p)] ?? 0)]),
    ) as Record<Priority, number>,
    recentCount: Number(first?.recent_count ?? 0),
    lastResolved: (first?.last_resolved as Date | string | null) ?? null,
  };
}
