import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { itsmApiRef } from '../../api';
import { EventTimeline } from '../common/EventTimeline';

/** The incident's append-only audit trail, oldest first, page by page. */
export function IncidentTimeline(props: {
  incidentId: string;
  reloadKey: number;
}) {
  const api = useApi(itsmApiRef);
  const loadPage = useCallback(
    (cursor?: string) =>
      api.getIncidentTimeline(props.incidentId, { limit: 100, cursor }),
    [api, props.incidentId],
  );
  return (
    <EventTimeline
      label="Timeline"
      loadPage={loadPage}
      reloadKey={props.reloadKey}
    />
  );
}
