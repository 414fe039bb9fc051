export interface Config {
  /** Configuration for Backstage ITSM. */
  itsm?: {
    /**
     * Impact × urgency → priority, keyed by impact then urgency; cells left
     * out keep the ITIL default (H/H=P1 … L/L=P5).
     * @visibility frontend
     */
    priorityMatrix?: {
      [impact in 'high' | 'medium' | 'low']?: {
        [urgency in 'high' | 'medium' | 'low']?:
          | 'P1'
          | 'P2'
          | 'P3'
          | 'P4'
          | 'P5';
      };
    };
    /**
     * Incident categories offered and accepted.
     * @visibility frontend
     */
    categories?: string[];
    /** Demo data loaded on start when there are no incidents yet. */
    seed?: {
      /** Path to a seed file (see examples/itsm-seed), relative to the backend's working directory. */
      file?: string;
    };
  };
}
