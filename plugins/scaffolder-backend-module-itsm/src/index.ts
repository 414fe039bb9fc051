/**
 * Backstage ITSM scaffolder actions: `itsm:change:create` and
 * `itsm:change:gate`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleItsm as default } from './module';
export { createItsmChangeCreateAction } from './actions/createChange';
export { createItsmChangeGateAction } from './actions/changeGate';
export type { ItsmActionOptions } from './actions/itsmClientFor';
