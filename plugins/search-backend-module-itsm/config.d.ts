import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** Backstage ITSM records in Backstage search. */
      itsm?: {
        /**
         * How often the ITSM records are indexed (default: every 10 minutes,
         * 3 seconds after start, 15 minutes timeout).
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Incidents detected in these last days are indexed (default 90). */
        incidentWindowDays?: number;
        /** Records read per ITSM API call, 1–500 (default 200). */
        pageSize?: number;
        /** Where the app mounts the ITSM page (default `/itsm`). */
        itsmPath?: string;
        /**
         * Where the app mounts the catalog (default `/catalog`): a known error
         * standing alone, without a problem, links to its first service.
         */
        catalogPath?: string;
      };
    };
  };
}
