import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  Incident,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import { useCatalogRefs } from '../common/useCatalogRefs';

/** Assign to a group and/or a user from the catalog; empty clears. */
export function AssignControl(props: {
  incident: Incident;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateIncidentRequest, 'version'>) => Promise<unknown>;
}) {
  const { incident, busy, onUpdate } = props;
  const users = useCatalogRefs('user');
  const groups = useCatalogRefs('group');
  const [group, setGroup] = useState<string | null>(
    incident.assignedGroup ?? null,
  );
  const [user, setUser] = useState<string | null>(incident.assignee ?? null);
  useEffect(() => {
    setGroup(incident.assignedGroup ?? null);
    setUser(incident.assignee ?? null);
  }, [incident.assignedGroup, incident.assignee]);

  const changed =
    (group ?? undefined) !== incident.assignedGroup ||
    (user ?? undefined) !== incident.assignee;
  return (
    <Box display="flex" gridGap={8} alignItems="center" flexWrap="wrap">
      <Autocomplete
        id="itsm-assign-group"
        options={groups.value ?? []}
        loading={groups.loading}
        value={group}
        onChange={(_e, value) => setGroup(value)}
        style={{ minWidth: 240 }}
        renderInput={params => (
          <TextField {...params} label="Assigned group" size="small" />
        )}
      />
      <Autocomplete
        id="itsm-assign-user"
        options={users.value ?? []}
        loading={users.loading}
        value={user}
        onChange={(_e, value) => setUser(value)}
        style={{ minWidth: 240 }}
        renderInput={params => (
          <TextField {...params} label="Assignee" size="small" />
        )}
      />
      <Button
        variant="outlined"
        disabled={busy || !changed}
        onClick={() => onUpdate({ assignedGroup: group, assignee: user })}
      >
        Assign
      </Button>
    </Box>
  );
}
