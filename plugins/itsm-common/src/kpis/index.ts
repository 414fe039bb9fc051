export * from './KpiFormulas';
export * from './KpiContributions';
