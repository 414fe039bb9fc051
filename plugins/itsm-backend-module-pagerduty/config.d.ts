export interface Config {
  itsm?: {
    /** PagerDuty as an on-call provider for Backstage ITSM. */
    pagerduty?: {
      /**
       * A PagerDuty REST API key (read-only is enough). Without it the
       * module stays inert.
       * @visibility secret
       */
      token: string;
      /**
       * Base URL of the PagerDuty REST API, e.g. for the EU service region
       * (default `https://api.pagerduty.com`).
       */
      apiBaseUrl?: string;
    };
  };
}
