import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { itsmApiRef } from '../../api';
import { EventTimeline } from '../common/EventTimeline';

/** The problem's append-only audit trail, oldest first, page by page. */
export function ProblemTimeline(props: {
  problemId: string;
  reloadKey: number;
}) {
  const api = useApi(itsmApiRef);
  const loadPage = useCallback(
    (cursor?: string) =>
      api.getProblemTimeline(props.problemId, { limit: 100, cursor }),
    [api, props.problemId],
  );
  return (
    <EventTimeline
      label="Problem timeline"
      loadPage={loadPage}
      reloadKey={props.reloadKey}
    />
  );
}
