import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ItsmDataLoader } from '@openitsm/backstage-plugin-itsm-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { catalogHasEntities } from './catalogHasEntities';
import { loadChanges } from './loadChanges';
import { loadIncidents } from './loadIncidents';
import { loadMajorIncidents } from './loadMajorIncidents';
import { loadOnCall } from './loadOnCall';
import { finishProblems, loadProblems } from './loadProblems';
import { loadReviews } from './loadReviews';

/**
 * Loads the demo data set of a directory (examples/itsm-seed): on-call,
 * incidents, problems and workarounds, then changes, each only into an empty
 * database; then the major incidents, each once. It waits for the catalog
 * first: every ref is checked there.
 */
export function demoDataLoader(options: {
  directory: string;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** How long to wait for the catalog to list the demo entities. */
  catalogTimeoutMs?: number;
  now?: Date;
}): ItsmDataLoader {
  const { directory, logger, now } = options;
  const file = (name: string) => path.join(directory, name);
  return {
    id: 'demo-data',
    async load(records) {
      const { incidents } = JSON.parse(
        await fs.readFile(file('incidents.json'), 'utf8'),
      ) as { incidents: Array<{ affectedServices: string[] }> };
      const services = [...new Set(incidents.flatMap(i => i.affectedServices))];
      const ready = await catalogHasEntities(
        options.catalog,
        options.auth,
        services,
        { timeoutMs: options.catalogTimeoutMs ?? 120_000 },
      );
      if (!ready) {
        throw new Error(
          `the catalog does not list the demo services after ${
            (options.catalogTimeoutMs ?? 120_000) / 1000
          } s; add examples/entities.yaml and examples/org.yaml to catalog.locations`,
        );
      }
      await loadOnCall({ file: file('oncall.json'), records, logger, now });
      await loadIncidents({
        file: file('incidents.json'),
        records,
        logger,
        now,
      });
      const pending = await loadProblems({
        file: file('problems.json'),
        records,
        logger,
      });
      await loadChanges({ file: file('changes.json'), records, logger, now });
      await finishProblems(records, pending);
      await loadReviews({ file: file('reviews.json'), records, logger, now });
      await loadMajorIncidents({
        file: file('major-incidents.json'),
        records,
        logger,
        now,
      });
    },
  };
}
