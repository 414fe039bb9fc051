import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  DEFAULT_INCIDENT_CATEGORIES,
  parsePriorityMatrix,
  PriorityMatrix,
} from '@openitsm/backstage-plugin-itsm-common';
import { useMemo } from 'react';

/** The priority matrix and categories from app-config (`itsm.*`). */
export function useItsmConfig(): {
  matrix: PriorityMatrix;
  categories: string[];
} {
  const config = useApi(configApiRef);
  return useMemo(
    () => ({
      matrix: parsePriorityMatrix(config.getOptional('itsm.priorityMatrix')),
      categories: config.getOptionalStringArray('itsm.categories') ?? [
        ...DEFAULT_INCIDENT_CATEGORIES,
      ],
    }),
    [config],
  );
}
