import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { PagedResults } from '../common/PagedResults';
import { useCursorPages } from '../common/useCursorPages';
import { AlertTable } from './AlertTable';

const PAGE_SIZE = 25;

/**
 * The triage list: alerts no service matched, kept rather than dropped.
 * Route them with a `service`, `app` or `component` label naming a catalog
 * entity, or an `openitsm.io/alert-selector` annotation on the entity.
 */
export function UnmappedAlerts() {
  const api = useApi(itsmApiRef);
  const pages = useCursorPages();
  const result = useAsyncRetry(
    () =>
      api.listAlerts({
        unmapped: true,
        limit: PAGE_SIZE,
        cursor: pages.current.cursor,
      }),
    [api, pages.current.cursor],
  );
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        Alerts that matched no service. Give them a <code>service</code>,{' '}
        <code>app</code> or <code>component</code> label naming a catalog
        entity, or annotate the entity with{' '}
        <code>openitsm.io/alert-selector: "job=…"</code>; the next notification
        opens the incident.
      </Typography>
      <PagedResults
        result={result}
        pages={pages}
        emptyTitle="No unmapped alerts"
        emptyDescription="Every alert received so far was routed to a service."
      >
        {items => <AlertTable alerts={items} />}
      </PagedResults>
    </>
  );
}
