import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseAlertStore } from '../database/DatabaseAlertStore';
import { DatabaseChangeStore } from '../database/DatabaseChangeStore';
import { DatabaseIncidentStore } from '../database/DatabaseIncidentStore';
import { DatabaseMajorIncidentStore } from '../database/DatabaseMajorIncidentStore';
import { DatabaseKpiStore } from '../database/DatabaseKpiStore';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { DatabaseProblemProposalStore } from '../database/DatabaseProblemProposalStore';
import { DatabaseProblemStore } from '../database/DatabaseProblemStore';
import { DatabaseSimilarIncidents } from '../database/DatabaseSimilarIncidents';
import { DatabaseSlaStore } from '../database/DatabaseSlaStore';
import { DatabaseWorkaroundStore } from '../database/DatabaseWorkaroundStore';
import { DatabaseReviewStore } from '../database/DatabaseReviewStore';
import { DatabaseActionItemStore } from '../database/DatabaseActionItemStore';

/** Every store of the plugin, on its one database (migrated once). */
export async function createStores(database: DatabaseService) {
  const options = { database };
  return {
    incidents: await DatabaseIncidentStore.create(options),
    sla: await DatabaseSlaStore.create(options),
    problems: await DatabaseProblemStore.create(options),
    workarounds: await DatabaseWorkaroundStore.create(options),
    proposals: await DatabaseProblemProposalStore.create(options),
    similarIncidents: await DatabaseSimilarIncidents.create(options),
    changes: await DatabaseChangeStore.create(options),
    kpis: await DatabaseKpiStore.create(options),
    oncall: await DatabaseOnCallStore.create(options),
    alerts: await DatabaseAlertStore.create(options),
    majorIncidents: await DatabaseMajorIncidentStore.create(options),
    reviews: await DatabaseReviewStore.create(options),
    actionItems: await DatabaseActionItemStore.create(options),
  };
}

/** @internal */
export type ItsmStores = Awaited<ReturnType<typeof createStores>>;
