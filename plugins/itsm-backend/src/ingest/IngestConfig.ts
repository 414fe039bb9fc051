import { Config } from '@backstage/config';
import {
  ALERT_SOURCES,
  AlertSeverityLevels,
  AlertSource,
  DEFAULT_ALERT_SEVERITY_MAP,
  isLevel,
} from '@openitsm/backstage-plugin-itsm-common';
import { normalizeEntityRef } from '../service/entityRefs';

/** Per source: where unmatched alerts go, and whether resolve resolves. */
export interface AlertSourceConfig {
  defaultService?: string;
  autoResolve: boolean;
}

/** `itsm.ingest`, read once at start-up. */
export interface IngestConfig {
  labels: string[];
  reopenWindowMinutes: number;
  category: string;
  severity: Record<string, AlertSeverityLevels>;
  catalogRefreshSeconds: number;
  sources: Record<AlertSource, AlertSourceConfig>;
  /**
   * A topic of Backstage's events service whose events are generic alerts;
   * none subscribed when unset.
   */
  eventsTopic?: string;
}

/** Reads `itsm.ingest`; bad values fail start-up naming the key. */
export function readIngestConfig(
  config: Config,
  categories: string[],
): IngestConfig {
  const ingest = config.getOptionalConfig('itsm.ingest');
  const labels = ingest?.getOptionalStringArray('labels') ?? [
    'service',
    'app',
    'component',
  ];
  const reopenWindowMinutes =
    ingest?.getOptionalNumber('reopenWindowMinutes') ?? 60;
  if (!(reopenWindowMinutes >= 0)) {
    throw new Error('itsm.ingest.reopenWindowMinutes must be 0 or more');
  }
  const category =
    ingest?.getOptionalString('category') ??
    (categories.includes('availability') ? 'availability' : categories[0]);
  if (!categories.includes(category)) {
    throw new Error(
      `itsm.ingest.category: "${category}" is not one of itsm.categories (${categories.join(
        ', ',
      )})`,
    );
  }
  const severity: Record<string, AlertSeverityLevels> = {
    ...DEFAULT_ALERT_SEVERITY_MAP,
  };
  const configured = ingest?.getOptionalConfig('severity');
  for (const key of configured?.keys() ?? []) {
    const impact = configured!.getString(`${key}.impact`);
    const urgency = configured!.getString(`${key}.urgency`);
    if (!isLevel(impact) || !isLevel(urgency)) {
      throw new Error(
        `itsm.ingest.severity.${key}: impact and urgency must be high, medium or low`,
      );
    }
    severity[key.toLocaleLowerCase('en-US')] = { impact, urgency };
  }
  const sources = {} as Record<AlertSource, AlertSourceConfig>;
  for (const source of ALERT_SOURCES) {
    const c = ingest?.getOptionalConfig(`sources.${source}`);
    const fallback = c?.getOptionalString('defaultService');
    let defaultService: string | undefined;
    if (fallback) {
      try {
        defaultService = normalizeEntityRef(fallback, 'component');
      } catch {
        throw new Error(
          `itsm.ingest.sources.${source}.defaultService: "${fallback}" is not an entity ref`,
        );
      }
    }
    sources[source] = {
      defaultService,
      autoResolve: c?.getOptionalBoolean('autoResolve') ?? false,
    };
  }
  return {
    labels,
    reopenWindowMinutes,
    category,
    severity,
    catalogRefreshSeconds:
      ingest?.getOptionalNumber('catalogRefreshSeconds') ?? 60,
    sources,
    eventsTopic: ingest?.getOptionalString('eventsTopic')?.trim() || undefined,
  };
}
