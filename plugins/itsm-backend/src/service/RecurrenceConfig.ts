import { Config } from '@backstage/config';
import {
  DEFAULT_RECURRENCE_SETTINGS,
  RecurrenceSettings,
} from '@openitsm/backstage-plugin-itsm-common';

export interface RecurrenceConfig extends RecurrenceSettings {
  enabled: boolean;
  frequencyMinutes: number;
}

/**
 * Reads `itsm.problems.recurrence`; bad values fail start-up naming the key.
 */
export function readRecurrenceConfig(config: Config): RecurrenceConfig {
  const c = config.getOptionalConfig('itsm.problems.recurrence');
  const key = (name: string) => `itsm.problems.recurrence.${name}`;
  const positive = (name: string, fallback: number, integer = true) => {
    const value = c?.getOptionalNumber(name) ?? fallback;
    if (!(value > 0) || (integer && !Number.isInteger(value))) {
      throw new Error(
        `${key(name)} must be a positive ${
          integer ? 'integer' : 'number'
        }, got ${value}`,
      );
    }
    return value;
  };
  const titleSimilarity = positive(
    'titleSimilarity',
    DEFAULT_RECURRENCE_SETTINGS.titleSimilarity,
    false,
  );
  if (titleSimilarity > 1) {
    throw new Error(
      `${key(
        'titleSimilarity',
      )} must be between 0 and 1, got ${titleSimilarity}`,
    );
  }
  const minIncidents = positive(
    'minIncidents',
    DEFAULT_RECURRENCE_SETTINGS.minIncidents,
  );
  if (minIncidents < 2) {
    throw new Error(`${key('minIncidents')} must be at least 2`);
  }
  return {
    enabled: c?.getOptionalBoolean('enabled') ?? true,
    frequencyMinutes: positive('frequencyMinutes', 15),
    minIncidents,
    windowDays: positive('windowDays', DEFAULT_RECURRENCE_SETTINGS.windowDays),
    titleSimilarity,
    includeMajor:
      c?.getOptionalBoolean('includeMajor') ??
      DEFAULT_RECURRENCE_SETTINGS.includeMajor,
  };
}
