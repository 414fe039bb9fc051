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
  ItsmSearchResultListItem,
  HomePageMyOnCall,
  HomePageMyIncidents,
  HomePageMyActionItems,
  HomePageMyServices,
} from './plugin';
export type { ItsmSearchResultListItemProps } from './components/search';
export { itsmApiRef } from './api';
export { isItsmAvailable } from './isItsmAvailable';
