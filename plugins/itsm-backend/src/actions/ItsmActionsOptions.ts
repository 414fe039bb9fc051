import { AuditorService, AuthService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { IncidentStore } from '../database/IncidentStore';
import { WorkaroundStore } from '../database/ProblemStore';
import { IncidentAuthorizer } from '../permissions/IncidentAuthorizer';
import { OnCallAuthorizer } from '../permissions/OnCallAuthorizer';
import { ProblemAuthorizer } from '../permissions/ProblemAuthorizer';
import { IncidentService } from '../service/IncidentService';
import { MajorIncidentService } from '../service/MajorIncidentService';
import { OnCallService } from '../service/OnCallService';

/**
 * What the actions are built from: the services and authorizers the HTTP
 * routes use, so an assistant is held to the same rules as the API.
 */
export interface ItsmActionsOptions {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  /** Writes are audited like those of the API, named the same. */
  auditor: AuditorService;
  /** `itsm.categories`: what an incident may be reported as. */
  categories: string[];
  incidents: IncidentService;
  incidentStore: IncidentStore;
  majorIncidents: MajorIncidentService;
  oncall: OnCallService;
  workaroundStore: WorkaroundStore;
  incidentAuthorizer: IncidentAuthorizer;
  oncallAuthorizer: OnCallAuthorizer;
  problemAuthorizer: ProblemAuthorizer;
}
