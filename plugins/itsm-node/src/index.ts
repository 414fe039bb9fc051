/**
 * Extension points for Backstage ITSM backend modules.
 *
 * @packageDocumentation
 */

export * from './events';
export * from './extensions';
export * from './oncallProviders';
export * from './records';
