/**
 * Backstage ITSM backend plugin.
 *
 * @packageDocumentation
 */

export { itsmPlugin as default } from './plugin';
export {
  incidentPermissionRules,
  incidentPermissionResourceRef,
} from './permissions/rules';
export type { IncidentQueryFilter } from './permissions/rules';
