/**
 * A Backstage search module indexing Backstage ITSM records: recent
 * incidents, problems and known errors, workarounds and published
 * post-incident reviews.
 *
 * @packageDocumentation
 */
export { searchModuleItsmCollator as default } from './module';
