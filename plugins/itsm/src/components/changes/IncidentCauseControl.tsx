import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { useChangeLink } from './useChangeLink';

/** The change that caused an incident: shown, set by its ref, or cleared. */
export function IncidentCauseControl(props: {
  incident: Incident;
  busy: boolean;
  onSet: (change: string | null) => Promise<boolean>;
}) {
  const api = useApi(itsmApiRef);
  const changeLink = useChangeLink();
  const [ref, setRef] = useState('');
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
    <Box display="flex" alignItems="center" gridGap={8}>
      <TextField
        id="itsm-incident-cause"
        label="Caused by change"
        placeholder="CHG-1042"
        size="small"
        value={ref}
        onChange={e => setRef(e.target.value)}
      />
      <Button
        variant="outlined"
        disabled={props.busy || !ref.trim()}
        onClick={async () => {
          if (await props.onSet(ref.trim())) setRef('');
        }}
      >
        Link change
      </Button>
    </Box>
  );
}
