import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Change, Incident } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { ChangePicker } from '../common/recordPickers';
import { useChangeLink } from './useChangeLink';

/** The change that caused an incident: shown, picked by search, or cleared. */
export function IncidentCauseControl(props: {
  incident: Incident;
  busy: boolean;
  onSet: (change: string | null) => Promise<boolean>;
}) {
  const api = useApi(itsmApiRef);
  const changeLink = useChangeLink();
  const [picked, setPicked] = useState<Change | null>(null);
  const causeId = props.incident.causedByChangeId;
  const cause = useAsync(
    async () => (causeId ? api.getChange(causeId) : undefined),
    [api, causeId],
  );

  if (causeId) {
    return (
      <Box display="flex" alignItems="center" gridGap={8}>
        <Typography variant="body2">
          Caused by change{' '}
          {cause.value ? (
            <Link to={changeLink(cause.value)}>
              {cause.value.ref}: {cause.value.title}
            </Link>
          ) : (
            causeId
          )}
        </Typography>
        <Button
          size="small"
          disabled={props.busy}
          onClick={() => props.onSet(null)}
        >
          Unlink change
        </Button>
      </Box>
    );
  }
  return (
    <Box display="flex" alignItems="flex-end" gridGap={8}>
      <Box width={320}>
        <ChangePicker
          id="itsm-incident-cause"
          label="Caused by change"
          size="small"
          value={picked}
          onChange={setPicked}
        />
      </Box>
      <Button
        variant="outlined"
        style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        disabled={props.busy || !picked}
        onClick={async () => {
          if (picked && (await props.onSet(picked.ref))) setPicked(null);
        }}
      >
        Link change
      </Button>
    </Box>
  );
}
