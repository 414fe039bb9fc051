/*
 * What the ITSM frontend reads from app-config (see
 * src/components/ReportIncidentDialog/usePriorityMatrix.ts). The backend
 * (`@openitsm/backstage-plugin-itsm-backend`) declares the same keys with the
 * same types for itself; only this declaration makes them reach the browser.
 * Every nested key is marked, because visibility is not inherited: an
 * unmarked cell would be filtered out and the matrix would arrive as `{}`.
 */

/** A priority, P1 (highest) to P5. */
type ItsmPriority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

/** One impact's row of the matrix: urgency → priority. */
interface ItsmPriorityMatrixRow {
  /** @visibility frontend */
  high?: ItsmPriority;
  /** @visibility frontend */
  medium?: ItsmPriority;
  /** @visibility frontend */
  low?: ItsmPriority;
}

export interface Config {
  /** Configuration for Backstage ITSM. */
  itsm?: {
    /**
     * Impact × urgency → priority, keyed by impact then urgency; cells left
     * out keep the ITIL default (H/H=P1 … L/L=P5). The report dialog shows
     * the priority this matrix gives before an incident is sent.
     * @visibility frontend
     */
    priorityMatrix?: {
      /** @visibility frontend */
      high?: ItsmPriorityMatrixRow;
      /** @visibility frontend */
      medium?: ItsmPriorityMatrixRow;
      /** @visibility frontend */
      low?: ItsmPriorityMatrixRow;
    };
    /**
     * Incident categories offered and accepted (default: availability,
     * performance, functionality, data, security, capacity, other).
     * @visibility frontend
     */
    categories?: string[];
    /** Major incidents, as the frontend sees them. */
    majorIncidents?: {
      /**
       * Templates offered by the stakeholder update composer; `message` may
       * use {service} and {ref}.
       * @visibility frontend
       */
      updateTemplates?: Array<{
        /** @visibility frontend */
        name: string;
        /** @visibility frontend */
        message: string;
        /** @visibility frontend */
        stage?: 'investigating' | 'identified' | 'monitoring' | 'resolved';
      }>;
    };
  };
}
