export * from './KpiFormulas';
export * from './KpiContributions';
export * from './WeeklyReview';
