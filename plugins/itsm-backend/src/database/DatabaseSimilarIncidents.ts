import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  OPEN_INCIDENT_STATUSES,
  similaritySearchTerms,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { escapeLike } from './problemDb';
import { migratedClient } from './migratedClient';

export interface SimilarIncidentsQuery {
  entityRef: string;
  text: string;
  category?: string;
  limit: number;
}

/**
 * Open incidents of a service whose title or description shares words with
 * a text, best match first. PostgreSQL ranks with its full-text search (GIN
 * index from the problems migration); other databases count matching terms
 * with LIKE. Both start from the service's open incidents (an index), and
 * search at most a bounded number of terms.
 */
export class DatabaseSimilarIncidents {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSimilarIncidents> {
    return new DatabaseSimilarIncidents(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  /** Incident ids, most similar first. */
  async find(query: SimilarIncidentsQuery): Promise<string[]> {
    const terms = similaritySearchTerms(query.text);
    if (!terms.length) return [];
    const base = this.db('itsm_incident_services as s')
      .join('itsm_incidents as i', 'i.id', 's.incident_id')
      .where('s.entity_ref', query.entityRef)
      .whereIn('s.status', OPEN_INCIDENT_STATUSES);
    if (query.category) base.where('i.category', query.category);

    if (this.db.client.config.client === 'pg') {
      // Terms are [a-z0-9]+ only (similaritySearchTerms), so the tsquery is
      // well-formed; prefix matching catches plurals and suffixes.
      const tsquery = terms.map(t => `${t}:*`).join(' | ');
      const vector = `to_tsvector('simple', i.title || ' ' || i.description)`;
      const rows = await base
        .whereRaw(`${vector} @@ to_tsquery('simple', ?)`, [tsquery])
        .select('s.incident_id')
        .select(
          this.db.raw(`ts_rank(${vector}, to_tsquery('simple', ?)) as score`, [
            tsquery,
          ]),
        )
        .orderBy([
          { column: 'score', order: 'desc' },
          { column: 's.detected_at', order: 'desc' },
        ])
        .limit(query.limit);
      return rows.map((r: { incident_id: string }) => r.incident_id);
    }

    const patterns = terms.map(t => `%${escapeLike(t)}%`);
    const score = terms
      .map(
        () =>
          `(case when lower(i.title) like ? escape '!' then 2 when lower(i.description) like ? escape '!' then 1 else 0 end)`,
      )
      .join(' + ');
    const bindings = patterns.flatMap(p => [p, p]);
    const rows = await base
      .whereRaw(`(${score}) > 0`, bindings)
      .select('s.incident_id')
      .select(this.db.raw(`(${score}) as score`, bindings))
      .orderBy([
        { column: 'score', order: 'desc' },
        { column: 's.detected_at', order: 'desc' },
      ])
      .limit(query.limit);
    return rows.map((r: { incident_id: string }) => r.incident_id);
  }
}
