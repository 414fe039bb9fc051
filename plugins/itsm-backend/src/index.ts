/**
 * Backstage ITSM backend plugin.
 *
 * @packageDocumentation
 */

export { itsmPlugin as default } from './plugin';
export { incidentPermissionRules } from './permissions/rules';
