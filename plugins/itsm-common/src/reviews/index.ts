export * from './types';
export * from './ReviewLifecycle';
export * from './ActionItemLifecycle';
export * from './closingRule';
export * from './reviewFacts';
export * from './reviewMarkdown';
