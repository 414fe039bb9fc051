/** Recorded as the actor of what the demo data sets up itself (on-call). */
export const DEMO_DATA_ACTOR = 'plugin:itsm-demo-data';
