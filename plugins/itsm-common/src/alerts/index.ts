export * from './types';
export * from './AlertRouting';
export * from './AlertSeverity';
export * from './AlertLifecycle';
