export * from './ProblemLifecycle';
export * from './types';
export {
  significantTerms,
  similaritySearchTerms,
  titleSimilarity,
  clusterSimilarTitles,
} from './similarity';
export * from './RecurrenceRules';
