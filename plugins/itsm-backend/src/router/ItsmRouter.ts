import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { Audited } from './audit';
import { CallerOf } from './caller';
import { ReadAuthorizations } from './serviceReadScopes';

/** The `/api/itsm` router, typed from the OpenAPI spec. */
export type ItsmRouter = ApiRouter<typeof spec>;

/** What every route module gets besides its services. */
export interface RouteHelpers {
  callerOf: CallerOf;
  /** Wraps every write route. */
  audited: Audited;
  /** A service page's read authorizations, asked once per request. */
  reads: ReadAuthorizations;
}
