import { Config } from '@backstage/config';
import { DEFAULT_AFFECTED_SERVICE_KINDS } from './EntityRefValidator';
import { readReviewConfig, ReviewConfig } from './ReviewConfig';
import {
  ChangeConfig,
  MajorIncidentConfig,
  parseMajorIncidentConfig,
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
  /** Catalog kinds an affected service may be, lower-case. */
  affectedServiceKinds: string[];
  sla: SlaConfig;
  changes: ChangeConfig;
  majorIncidents: MajorIncidentConfig;
  reviews: ReviewConfig;
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
  const affectedServiceKinds = (
    itsm?.getOptionalStringArray('affectedServiceKinds') ?? [
      ...DEFAULT_AFFECTED_SERVICE_KINDS,
    ]
  ).map(kind => kind.toLocaleLowerCase('en-US'));
  if (!affectedServiceKinds.length) {
    throw new Error(
      'itsm.affectedServiceKinds must list at least one catalog kind, e.g. component',
    );
  }
  return {
    priorityMatrix,
    categories,
    affectedServiceKinds,
    sla: parseSlaConfig(itsm?.getOptional('sla')),
    changes: parseChangeConfig(itsm?.getOptional('changes')),
    majorIncidents: parseMajorIncidentConfig(
      itsm?.getOptional('majorIncidents'),
    ),
    reviews: readReviewConfig(itsm?.getOptionalConfig('reviews')),
  };
}
