import { Config } from '@backstage/config';
import {
  ChangeConfig,
  DEFAULT_INCIDENT_CATEGORIES,
  parseChangeConfig,
  parsePriorityMatrix,
  parseSlaConfig,
  PriorityMatrix,
  SlaConfig,
} from '@openitsm/backstage-plugin-itsm-common';

export interface ItsmConfig {
  priorityMatrix: PriorityMatrix;
  categories: string[];
  sla: SlaConfig;
  changes: ChangeConfig;
}

/** Reads `itsm.*` from app-config; bad values fail start-up naming the key. */
export function readItsmConfig(config: Config): ItsmConfig {
  const itsm = config.getOptionalConfig('itsm');
  const priorityMatrix = parsePriorityMatrix(
    itsm?.getOptional('priorityMatrix'),
  );
  const categories = itsm?.getOptionalStringArray('categories') ?? [
    ...DEFAULT_INCIDENT_CATEGORIES,
  ];
  if (!categories.length) {
    throw new Error('itsm.categories must list at least one category');
  }
  return {
    priorityMatrix,
    categories,
    sla: parseSlaConfig(itsm?.getOptional('sla')),
    changes: parseChangeConfig(itsm?.getOptional('changes')),
  };
}
