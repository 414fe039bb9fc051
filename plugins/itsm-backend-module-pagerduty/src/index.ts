/**
 * Backstage ITSM backend module: PagerDuty as an on-call provider.
 *
 * @packageDocumentation
 */

export { itsmModulePagerDuty as default } from './module';
