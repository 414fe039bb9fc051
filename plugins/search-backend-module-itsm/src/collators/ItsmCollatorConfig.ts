import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/** `search.collators.itsm`, with its defaults. */
export interface ItsmCollatorConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  incidentWindowDays: number;
  pageSize: number;
  itsmPath: string;
  catalogPath: string;
}

const KEY = 'search.collators.itsm';

// The same defaults as Backstage's own collators (catalog, explore).
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

export function readItsmCollatorConfig(
  rootConfig: RootConfigService,
): ItsmCollatorConfig {
  const config = rootConfig.getOptionalConfig(KEY);
  const incidentWindowDays = config?.getOptionalNumber('incidentWindowDays');
  const pageSize = config?.getOptionalNumber('pageSize');
  if (
    incidentWindowDays !== undefined &&
    !(Number.isInteger(incidentWindowDays) && incidentWindowDays >= 0)
  ) {
    throw new Error(
      `${KEY}.incidentWindowDays must be a whole number of days (0 or more), got ${incidentWindowDays}`,
    );
  }
  if (
    pageSize !== undefined &&
    !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 500)
  ) {
    throw new Error(
      `${KEY}.pageSize must be a whole number from 1 to 500 (the ITSM API's limit), got ${pageSize}`,
    );
  }
  return {
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    incidentWindowDays: incidentWindowDays ?? 90,
    pageSize: pageSize ?? 200,
    itsmPath: trimSlash(config?.getOptionalString('itsmPath') ?? '/itsm'),
    catalogPath: trimSlash(
      config?.getOptionalString('catalogPath') ?? '/catalog',
    ),
  };
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}
