import { ChangeMetricsRow } from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from './DbTime';

type Num = number | string | null;

/**
 * Per service, changes closed in [from, to) and how many failed, beside the
 * incidents detected then and how many a change caused; counted in SQL.
 */
export async function changeMetrics(
  db: Knex,
  time: DbTime,
  options: { entityRef?: string; from: string; to: string },
): Promise<ChangeMetricsRow[]> {
  const from = time.toDb(options.from);
  const to = time.toDb(options.to);
  const changes = db('itsm_change_services as s')
    .join('itsm_changes as c', 'c.id', 's.change_id')
    .where('c.status', 'closed')
    .where('c.closed_at', '>=', from)
    .where('c.closed_at', '<', to)
    .groupBy('s.entity_ref')
    .select('s.entity_ref')
    .count({ closed: '*' })
    .select(
      db.raw(
        `sum(case when c.outcome in ('failed', 'rolled_back') then 1 else 0 end) as failed`,
      ),
    );
  const incidents = db('itsm_incident_services as s')
    .join('itsm_incidents as i', 'i.id', 's.incident_id')
    .where('s.detected_at', '>=', from)
    .where('s.detected_at', '<', to)
    .groupBy('s.entity_ref')
    .select('s.entity_ref')
    .count({ incidents: '*' })
    .select(
      db.raw(
        'sum(case when i.caused_by_change_id is not null then 1 else 0 end) as caused',
      ),
    );
  if (options.entityRef) {
    changes.where('s.entity_ref', options.entityRef);
    incidents.where('s.entity_ref', options.entityRef);
  }
  const [changeRows, incidentRows] = (await Promise.all([
    changes,
    incidents,
  ])) as unknown as [
    Array<{ entity_ref: string; closed: Num; failed: Num }>,
    Array<{ entity_ref: string; incidents: Num; caused: Num }>,
  ];
  const rows = new Map<string, ChangeMetricsRow>();
  const rowFor = (entityRef: string) => {
    const row = rows.get(entityRef) ?? {
      entityRef,
      changesClosed: 0,
      changesFailed: 0,
      changeFailureRate: null,
      incidents: 0,
      incidentsCausedByChanges: 0,
      causedByChangeShare: null,
    };
    rows.set(entityRef, row);
    return row;
  };
  for (const r of changeRows) {
    const row = rowFor(r.entity_ref);
    row.changesClosed = Number(r.closed);
    row.changesFailed = Number(r.failed ?? 0);
    row.changeFailureRate = row.changesClosed
      ? row.changesFailed / row.changesClosed
      : null;
  }
  for (const r of incidentRows) {
    const row = rowFor(r.entity_ref);
    row.incidents = Number(r.incidents);
    row.incidentsCausedByChanges = Number(r.caused ?? 0);
    row.causedByChangeShare = row.incidents
      ? row.incidentsCausedByChanges / row.incidents
      : null;
  }
  return [...rows.values()].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
}
