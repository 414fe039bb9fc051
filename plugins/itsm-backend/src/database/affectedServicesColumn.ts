import { Knex } from 'knex';

/** The column affectedServicesColumn adds to a row of itsm_incidents. */
export type WithAffectedServices = { affected_services: string | null };

/**
 * An incident's affected services as one column of its own row: the refs
 * from itsm_incident_services, primary first then by name, joined by commas
 * (entity refs cannot contain one). Reading them in the same query saves a
 * second round trip per list, page or summary.
 */
export function affectedServicesColumn(
  db: Knex,
  incidentId = 'i.id',
): Knex.Raw {
  const client = String(db.client.config.client);
  const order = 'x.is_primary desc, x.entity_ref';
  let aggregate: string;
  if (client === 'pg') {
    aggregate = `string_agg(x.entity_ref, ',' order by ${order})`;
  } else if (client.startsWith('mysql')) {
    aggregate = `group_concat(x.entity_ref order by ${order} separator ',')`;
  } else {
    // SQLite 3.44+ (better-sqlite3 bundles a newer one)
    aggregate = `group_concat(x.entity_ref, ',' order by ${order})`;
  }
  return db.raw(
    `(select ${aggregate} from itsm_incident_services x where x.incident_id = ${incidentId}) as affected_services`,
  );
}

/** The refs affectedServicesColumn read. */
export function affectedServicesOf(row: WithAffectedServices): string[] {
  return row.affected_services ? row.affected_services.split(',') : [];
}
