/**
 * Isomorphic types, domain rules and API client for Backstage ITSM.
 *
 * @packageDocumentation
 */

export * from './priority/PriorityMatrix';
export * from './incidents/IncidentLifecycle';
export * from './incidents/types';
export * from './permissions/permissions';
export type { components, operations, paths } from './schema/openapi.generated';
export * from './client/ItsmApi';
export * from './client/ItsmClient';
export * from './sla';
export * from './oncall';
export * from './problems';
export * from './changes';
export * from './major';
export * from './time/parseTimestamp';
export * from './alerts';
export * from './reviews';
export * from './kpis';
export * from './search';
