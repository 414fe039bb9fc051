/**
 * Backstage ITSM backend module: the demo data set, loaded through the ITSM
 * backend's own rules.
 *
 * @packageDocumentation
 */

export { itsmModuleDemoData as default } from './module';
