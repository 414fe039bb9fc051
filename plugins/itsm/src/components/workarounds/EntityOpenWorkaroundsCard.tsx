import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { WorkaroundItem } from './WorkaroundItem';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/** The card shows at most this many; they are newest first. */
const LIMIT = 20;

/**
 * "Is there a known workaround?": a service's active workarounds whose
 * problem is not resolved, and standalone known errors.
 */
export function EntityOpenWorkaroundsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(itsmApiRef);
  const result = useAsync(
    () => api.listWorkarounds({ entityRef, open: true, limit: LIMIT }),
    [api, entityRef],
  );

  let content;
  if (result.loading) {
    content = <Progress />;
  } else if (result.error) {
    content = <ReadErrorPanel error={result.error} />;
  } else if (!result.value?.items.length) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No open workaround for this service.
      </Typography>
    );
  } else {
    content = (
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {result.value.items.map(workaround => (
          <WorkaroundItem key={workaround.id} workaround={workaround} />
        ))}
      </Box>
    );
  }
  return (
    <InfoCard
      title="Open workarounds"
      subheader="Active workarounds of unresolved problems, and known errors"
    >
      {content}
    </InfoCard>
  );
}
