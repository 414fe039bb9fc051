/**
 * Backstage ITSM frontend: incidents, SLA compliance and more on every
 * service's catalog page.
 *
 * @packageDocumentation
 */

export {
  itsmPlugin,
  ItsmPage,
  EntityItsmCard,
  EntityItsmContent,
  EntitySlaCard,
  EntityOnCallCard,
  EntityGroupOnCallCard,
  EntityGroupKpiCard,
  EntityOpenWorkaroundsCard,
  EntityChangesCard,
  EntityMajorIncidentBanner,
  EntityActionItemsCard,
  MyActionItemsCard,
} from './plugin';
export { itsmApiRef } from './api';
export { isItsmAvailable } from './isItsmAvailable';
