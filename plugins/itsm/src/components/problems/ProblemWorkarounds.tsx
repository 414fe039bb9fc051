import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  itsmProblemUpdatePermission,
  Problem,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { useAllowed } from '../common/useAllowed';
import { PublishWorkaroundForm } from '../workarounds/PublishWorkaroundForm';
import { WorkaroundItem } from '../workarounds/WorkaroundItem';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/** A problem's workarounds: retire or reactivate them, publish new ones. */
export function ProblemWorkarounds(props: {
  problem: Problem;
  busy: boolean;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { problem, busy, run } = props;
  const api = useApi(itsmApiRef);
  const result = useAsyncRetry(
    () => api.listWorkarounds({ problemId: problem.id, limit: 100 }),
    [api, problem.id],
  );
  const [publishing, setPublishing] = useState(false);
  const canUpdate = useAllowed(itsmProblemUpdatePermission);

  const act = async (action: () => Promise<unknown>) => {
    const ok = await run(action);
    result.retry();
    return ok;
  };

  let content;
  if (result.loading && !result.value) {
    content = <Progress />;
  } else if (result.error) {
    content = <ReadErrorPanel error={result.error} />;
  } else if (!result.value?.items.length) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No workaround published yet.
      </Typography>
    );
  } else {
    content = (
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {result.value.items.map(workaround => (
          <WorkaroundItem
            key={workaround.id}
            workaround={workaround}
            actions={
              canUpdate && (
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() =>
                    act(() =>
                      api.updateWorkaround(workaround.id, {
                        version: workaround.version,
                        status:
                          workaround.status === 'active' ? 'retired' : 'active',
                      }),
                    )
                  }
                >
                  {workaround.status === 'active' ? 'Retire' : 'Reactivate'}
                </Button>
              )
            }
          />
        ))}
      </Box>
    );
  }
  return (
    <>
      {content}
      {publishing ? (
        <PublishWorkaroundForm
          busy={busy}
          onPublish={async ({ title, steps }) => {
            const ok = await act(() =>
              api.createWorkaround({
                problemId: problem.id,
                title,
                steps,
                affectedServices: [],
              }),
            );
            if (ok) setPublishing(false);
            return ok;
          }}
        />
      ) : (
        canUpdate && (
          <Box mt={1}>
            <Button size="small" onClick={() => setPublishing(true)}>
              Publish a workaround
            </Button>
          </Box>
        )
      )}
    </>
  );
}
