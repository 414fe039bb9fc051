import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  Incident,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import { EntityRefPicker } from '../common/EntityRefPicker';

/**
 * Assign to a group and/or a user, searched in the catalog and read by their
 * display names; empty clears.
 */
export function AssignControl(props: {
  incident: Incident;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateIncidentRequest, 'version'>) => Promise<unknown>;
}) {
  const { incident, busy, onUpdate } = props;
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
      <Box width={260}>
        <EntityRefPicker
          id="itsm-assign-group"
          label="Assigned group"
          kinds={['group']}
          size="small"
          value={group}
          onChange={setGroup}
        />
      </Box>
      <Box width={260}>
        <EntityRefPicker
          id="itsm-assign-user"
          label="Assignee"
          kinds={['user']}
          size="small"
          value={user}
          onChange={setUser}
        />
      </Box>
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
