export * from './types';
export * from './MajorIncidentConfig';
export * from './MajorIncidentRules';
export * from './BlastRadius';
export * from './ServiceStatusRules';
