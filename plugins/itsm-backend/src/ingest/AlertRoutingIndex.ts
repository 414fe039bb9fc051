import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ALERT_SELECTOR,
  AlertLabelSelector,
  AlertRoutingRules,
  parseAlertSelector,
} from '@openitsm/backstage-plugin-itsm-common';

type CatalogIndex = Pick<AlertRoutingRules, 'entityByName' | 'selectors'>;

/**
 * What routing needs from the catalog, read in pages with this plugin's own
 * credentials and kept for `refreshSeconds`: entity names of the affected
 * service kinds, and the selector annotations. A per-alert catalog call
 * would cap ingestion at the catalog's pace; a replica may see a catalog
 * change up to `refreshSeconds` later than another, which only delays
 * routing, never duplicates an incident.
 */
export class AlertRoutingIndex {
  private current?: { index: CatalogIndex; loadedAt: number };
  private loading?: Promise<CatalogIndex>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** Lower-case catalog kinds, in order of preference for a name. */
      kinds: string[];
      refreshSeconds: number;
    },
  ) {}

  async get(): Promise<CatalogIndex> {
    const fresh =
      this.current &&
      Date.now() - this.current.loadedAt < this.options.refreshSeconds * 1000;
    if (fresh) return this.current!.index;
    if (!this.loading) {
      this.loading = this.load()
        .then(index => {
          this.current = { index, loadedAt: Date.now() };
          return index;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    // A stale index answers while the next one loads
    return this.current ? this.current.index : this.loading;
  }

  private async load(): Promise<CatalogIndex> {
    const { catalog, auth, kinds, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const byName = new Map<string, { ref: string; rank: number }>();
    const selectors: Array<{
      entityRef: string;
      selector: AlertLabelSelector;
    }> = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: 1000 }
          : {
              filter: { kind: kinds },
              fields: [
                'kind',
                'metadata.name',
                'metadata.namespace',
                'metadata.annotations',
              ],
              limit: 1000,
            },
        { credentials },
      );
      for (const entity of page.items) {
        const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
        const name = entity.metadata.name.toLocaleLowerCase('en-US');
        // Prefer the default namespace, then the first configured kind
        const rank =
          (entity.metadata.namespace === 'default' || !entity.metadata.namespace
            ? 0
            : 100) +
          Math.max(0, kinds.indexOf(entity.kind.toLocaleLowerCase('en-US')));
        const known = byName.get(name);
        if (
          !known ||
          rank < known.rank ||
          (rank === known.rank && ref < known.ref)
        ) {
          byName.set(name, { ref, rank });
        }
        const text = entity.metadata.annotations?.[ANNOTATION_ALERT_SELECTOR];
        if (text) {
          try {
            selectors.push({
              entityRef: ref,
              selector: parseAlertSelector(text),
            });
          } catch (error) {
            logger.warn(
              `${ref}: ignoring ${ANNOTATION_ALERT_SELECTOR} "${text}": ${
                (error as Error).message
              }`,
            );
          }
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return {
      entityByName: name => byName.get(name)?.ref,
      selectors,
    };
  }
}
