import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  Alert,
  AlertSource,
  AlertStatus,
  OPEN_INCIDENT_STATUSES,
  Page,
} from '@openitsm/backstage-plugin-itsm-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { IncidentQueryFilter } from '../permissions/rules';
import { DbTime } from './DbTime';
import { newestFirstPage, nextPageCursor } from './keysetPage';
import { migratedClient } from './migratedClient';
import { applyPermissionFilter } from './permissionFilter';

type AlertRow = {
  id: string;
  source: AlertSource;
  dedup_key: string;
  incident_id: string | null;
  entity_ref: string | null;
  status: AlertStatus;
  title: string;
  description: string;
  severity: string | null;
  labels_json: string;
  annotations_json: string;
  links_json: string;
  received_count: number | string;
  first_seen_at: Date | string;
  last_seen_at: Date | string;
  resolved_at: Date | string | null;
};

/** An alert as first received: what is stored about it. */
export type NewAlert = Pick<
  Alert,
  | 'source'
  | 'dedupKey'
  | 'status'
  | 'title'
  | 'description'
  | 'severity'
  | 'labels'
  | 'annotations'
  | 'links'
  | 'incidentId'
  | 'entityRef'
>;

/** The state of a stored alert that ingestion decides on. */
export interface StoredAlertState {
  id: string;
  status: AlertStatus;
  incidentId?: string;
  entityRef?: string;
}

/** A list query as the store takes it: parsed, bounded and authorized. */
export interface AlertListFilter {
  unmapped?: boolean;
  incidentId?: string;
  entityRef?: string;
  status?: AlertStatus;
  limit: number;
  cursor?: string;
  /** Alerts of incidents outside it are left out; unmapped ones stay. */
  permissionFilter?: PermissionCriteria<IncidentQueryFilter>;
}

/**
 * Alerts on Backstage's database. Every write is one statement guarded by
 * the unique (source, dedup_key) index or by a compare-and-set on the
 * alert's state, so replicas racing on one alert agree on one outcome.
 */
export class DatabaseAlertStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAlertStore> {
    return new DatabaseAlertStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  /**
   * The hot path, one statement: a repeat of an alert in the same state
   * (firing on an open incident, firing and still unmapped, or resolved)
   * bumps its counter and last-seen time. False: not a plain repeat.
   */
  async bumpRepeat(
    source: AlertSource,
    dedupKey: string,
    status: AlertStatus,
    at: string,
    options: { routable: boolean },
  ): Promise<boolean> {
    const query = this.db('itsm_alerts').where({
      source,
      dedup_key: dedupKey,
      status,
    });
    if (status === 'firing') {
      query.where(inner => {
        inner.whereExists(this.openIncident());
        if (!options.routable) {
          inner.orWhere(q =>
            q.whereNull('incident_id').whereNull('entity_ref'),
          );
        }
      });
    }
    const updated = await query.update({
      received_count: this.db.raw('received_count + 1'),
      last_seen_at: this.time.toDb(at),
    });
    return updated === 1;
  }

  /**
   * bumpRepeat for every alert of a notification in one statement, where the
   * database can say which rows it changed (PostgreSQL, SQLite). Returns the
   * keys counted as repeats; undefined on MySQL (callers go one by one).
   */
  async bumpRepeats(
    source: AlertSource,
    alerts: Array<{ dedupKey: string; status: AlertStatus; routable: boolean }>,
    at: string,
  ): Promise<Set<string> | undefined> {
    const client = String(this.db.client.config.client);
    if (client === 'mysql' || client === 'mysql2') return undefined;
    if (!alerts.length) return new Set();
    const keysOf = (f: (a: (typeof alerts)[number]) => boolean) =>
      alerts.filter(f).map(a => a.dedupKey);
    const resolved = keysOf(a => a.status === 'resolved');
    const firing = keysOf(a => a.status === 'firing');
    const unroutable = keysOf(a => a.status === 'firing' && !a.routable);
    const rows: Array<{ dedup_key: string }> = await this.db('itsm_alerts')
      .where({ source })
      .where(any => {
        if (resolved.length) {
          any.orWhere(q =>
            q.where('status', 'resolved').whereIn('dedup_key', resolved),
          );
        }
        if (firing.length) {
          any.orWhere(q =>
            q
              .where('status', 'firing')
              .whereIn('dedup_key', firing)
              .whereExists(this.openIncident()),
          );
        }
        if (unroutable.length) {
          any.orWhere(q =>
            q
              .where('status', 'firing')
              .whereIn('dedup_key', unroutable)
              .whereNull('incident_id')
              .whereNull('entity_ref'),
          );
        }
      })
      .update(
        {
          received_count: this.db.raw('received_count + 1'),
          last_seen_at: this.time.toDb(at),
        },
        ['dedup_key'],
      );
    return new Set(rows.map(r => r.dedup_key));
  }

  /** The alert's incident is open: a primary-key lookup per alert row. */
  private openIncident() {
    return this.db('itsm_incidents as oi')
      .select(this.db.raw('1'))
      .whereRaw('oi.id = itsm_alerts.incident_id')
      .whereIn('oi.status', [...OPEN_INCIDENT_STATUSES]);
  }

  async getState(
    source: AlertSource,
    dedupKey: string,
  ): Promise<StoredAlertState | undefined> {
    const row = await this.db<AlertRow>('itsm_alerts')
      .where({ source, dedup_key: dedupKey })
      .first('id', 'status', 'incident_id', 'entity_ref');
    return row
      ? {
          id: row.id,
          status: row.status,
          incidentId: row.incident_id ?? undefined,
          entityRef: row.entity_ref ?? undefined,
        }
      : undefined;
  }

  /** Stores a first sighting; a unique violation when another got there first. */
  async insert(alert: NewAlert, at: string): Promise<string> {
    const id = uuid();
    await this.db('itsm_alerts').insert({
      id,
      source: alert.source,
      dedup_key: alert.dedupKey,
      incident_id: alert.incidentId ?? null,
      entity_ref: alert.entityRef ?? null,
      status: alert.status,
      title: alert.title,
      description: alert.description,
      severity: alert.severity ?? null,
      labels_json: JSON.stringify(alert.labels),
      annotations_json: JSON.stringify(alert.annotations),
      links_json: JSON.stringify(alert.links),
      received_count: 1,
      first_seen_at: this.time.toDb(at),
      last_seen_at: this.time.toDb(at),
      resolved_at: alert.status === 'resolved' ? this.time.toDb(at) : null,
    });
    return id;
  }

  /**
   * Moves an alert to a new state if it is still in the state it was read
   * in; counts the receipt. False: someone else moved it first.
   */
  async transition(
    id: string,
    from: Pick<StoredAlertState, 'status' | 'incidentId'>,
    to: Pick<StoredAlertState, 'status' | 'incidentId' | 'entityRef'>,
    at: string,
  ): Promise<boolean> {
    const query = this.db('itsm_alerts').where({ id, status: from.status });
    if (from.incidentId) query.where('incident_id', from.incidentId);
    else query.whereNull('incident_id');
    const updated = await query.update({
      status: to.status,
      incident_id: to.incidentId ?? null,
      entity_ref: to.entityRef ?? null,
      resolved_at: to.status === 'resolved' ? this.time.toDb(at) : null,
      received_count: this.db.raw('received_count + 1'),
      last_seen_at: this.time.toDb(at),
    });
    return updated === 1;
  }

  /** Alerts of the incident still firing. */
  async countFiring(incidentId: string): Promise<number> {
    const row = await this.db('itsm_alerts')
      .where({ incident_id: incidentId, status: 'firing' })
      .count({ count: '*' })
      .first();
    return Number((row as { count: number | string }).count);
  }

  /** The incident that currently holds an incident dedup key. */
  async incidentIdByKey(
    source: AlertSource,
    dedupKey: string,
  ): Promise<string | undefined> {
    const row = await this.db('itsm_incidents')
      .where({ source, dedup_key: dedupKey })
      .first('id');
    return row?.id;
  }

  /**
   * Frees a closed incident's dedup key for the next incident, keeping it
   * recognisable (`key#INC-1042`). Only if it still holds the key.
   */
  async releaseIncidentKey(
    incidentId: string,
    dedupKey: string,
    released: string,
  ): Promise<void> {
    await this.db('itsm_incidents')
      .where({ id: incidentId, dedup_key: dedupKey })
      .update({ dedup_key: released });
  }

  async list(filter: AlertListFilter): Promise<Page<Alert>> {
    const query = this.db('itsm_alerts as a').leftJoin(
      'itsm_incidents as i',
      'i.id',
      'a.incident_id',
    );
    if (filter.unmapped) query.whereNull('a.entity_ref');
    if (filter.incidentId) query.where('a.incident_id', filter.incidentId);
    if (filter.entityRef) query.where('a.entity_ref', filter.entityRef);
    if (filter.status) query.where('a.status', filter.status);
    if (filter.permissionFilter) {
      const criteria = filter.permissionFilter;
      query.where(inner =>
        inner
          .whereNull('a.incident_id')
          .orWhere(q => applyPermissionFilter(q, criteria)),
      );
    }
    const { rows, hasMore } = await newestFirstPage<
      AlertRow & { incident_ref: string | null }
    >(query, {
      timeColumn: 'a.last_seen_at',
      idColumn: 'a.id',
      limit: filter.limit,
      cursor: filter.cursor,
      time: this.time,
      select: 'a.*',
    });
    // The incident ref is read separately: `a.*` and a joined column
    // together would need aliasing on every database.
    const ids = [
      ...new Set(rows.map(r => r.incident_id).filter(Boolean)),
    ] as string[];
    const refs = new Map<string, string>(
      ids.length
        ? (
            await this.db('itsm_incidents')
              .whereIn('id', ids)
              .select('id', 'ref')
          ).map((r: { id: string; ref: string }) => [r.id, r.ref])
        : [],
    );
    const items = rows.map(row => this.fromRow(row, refs));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: nextPageCursor(hasMore, last && [last.lastSeenAt, last.id]),
    };
  }

  private fromRow(row: AlertRow, refs: Map<string, string>): Alert {
    const t = (v: Date | string) => this.time.fromDb(v);
    return {
      id: row.id,
      source: row.source,
      dedupKey: row.dedup_key,
      ...(row.incident_id
        ? {
            incidentId: row.incident_id,
            incidentRef: refs.get(row.incident_id),
          }
        : {}),
      ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
      status: row.status,
      title: row.title,
      description: row.description,
      ...(row.severity ? { severity: row.severity } : {}),
      labels: JSON.parse(row.labels_json),
      annotations: JSON.parse(row.annotations_json),
      links: JSON.parse(row.links_json),
      receivedCount: Number(row.received_count),
      firstSeenAt: t(row.first_seen_at),
      lastSeenAt: t(row.last_seen_at),
      ...(row.resolved_at ? { resolvedAt: t(row.resolved_at) } : {}),
    };
  }
}
