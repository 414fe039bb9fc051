import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { WorkaroundItem } from './WorkaroundItem';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/**
 * On an incident's page: the open workarounds of its primary service, to
 * apply one (recorded on the incident's timeline and counted).
 */
export function IncidentWorkarounds(props: {
  incident: Incident;
  busy: boolean;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** Shown without "Apply", to a user who may not update the incident. */
  readOnly?: boolean;
}) {
  const { incident, busy, run } = props;
  const api = useApi(itsmApiRef);
  const result = useAsyncRetry(
    () =>
      api.listWorkarounds({
        entityRef: incident.affectedServices[0],
        open: true,
        limit: 20,
      }),
    [api, incident.affectedServices[0]],
  );

  if (result.loading && !result.value) return <Progress />;
  if (result.error) return <ReadErrorPanel error={result.error} />;
  if (!result.value?.items.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No open workaround for {incident.affectedServices[0]}.
      </Typography>
    );
  }
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {result.value.items.map(workaround => (
        <WorkaroundItem
          key={workaround.id}
          workaround={workaround}
          actions={
            !props.readOnly && (
              <Button
                size="small"
                disabled={busy}
                aria-label={`Apply ${workaround.ref}`}
                onClick={async () => {
                  await run(() =>
                    api.applyWorkaround(workaround.id, incident.id),
                  );
                  result.retry();
                }}
              >
                Apply
              </Button>
            )
          }
        />
      ))}
    </Box>
  );
}
