export * from './types';
export * from './ChangeLifecycle';
export * from './ChangeApprovals';
export * from './ChangeConflicts';
export * from './ChangeConfig';
export * from './ChangeGate';
