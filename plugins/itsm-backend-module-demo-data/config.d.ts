export interface Config {
  itsm?: {
    /** The demo data set loaded by the demo-data module. */
    demoData?: {
      /**
       * Directory with incidents.json, problems.json, changes.json and
       * oncall.json (see examples/itsm-seed), relative to the backend's
       * working directory. Loaded once, into an empty database.
       */
      directory?: string;
    };
  };
}
