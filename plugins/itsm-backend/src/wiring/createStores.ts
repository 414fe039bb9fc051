import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseChangeStore } from '../database/DatabaseChangeStore';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { DatabaseProblemProposalStore } from '../database/DatabaseProblemProposalStore';
import { DatabaseProblemStore } from '../database/DatabaseProblemStore';
import { DatabaseSimilarIncidents } from '../database/DatabaseSimilarIncidents';
import { DatabaseSlaStore } from '../database/DatabaseSlaStore';
import { DatabaseWorkaroundStore } from '../database/DatabaseWorkaroundStore';

/** Every store of the plugin, on its one database (migrated once). */
export async function createStores(database: DatabaseService) {
  const [
    incidents,
    sla,
    problems,
    workarounds,
    proposals,
    similarIncidents,
    changes,
    oncall,
  ] = await Promise.all([
    DatabaseIncidentStore.create({ database }),
    DatabaseSlaStore.create({ database }),
    DatabaseProblemStore.create({ database }),
    DatabaseWorkaroundStore.create({ database }),
    DatabaseProblemProposalStore.create({ database }),
    DatabaseSimilarIncidents.create({ database }),
    DatabaseChangeStore.create({ database }),
    DatabaseOnCallStore.create({ database }),
  ]);
  return {
    incidents,
    sla,
    problems,
    workarounds,
    proposals,
    similarIncidents,
    changes,
    oncall,
  };
}

/** @internal */
export type ItsmStores = Awaited<ReturnType<typeof createStores>>;
