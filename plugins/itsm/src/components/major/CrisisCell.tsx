import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  MajorIncident,
  PutIncidentRolesRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { humanize } from '../common/humanize';
import { useCatalogRefs } from '../common/useCatalogRefs';

/** The crisis cell: who holds each role, with their contacts; editable. */
export function CrisisCell(props: {
  major: MajorIncident;
  busy: boolean;
  onSave: (request: PutIncidentRolesRequest) => Promise<boolean>;
}) {
  const { major } = props;
  const [editing, setEditing] = useState(false);
  return (
    <Box>
      {major.roles.length ? (
        <Table size="small" aria-label="Crisis cell">
          <TableBody>
            {major.roles.map(r => (
              <TableRow key={r.role}>
                <TableCell component="th" scope="row">
                  {humanize(r.role)}
                </TableCell>
                <TableCell>{r.displayName}</TableCell>
                <TableCell>
                  {r.email && <Link to={`mailto:${r.email}`}>{r.email}</Link>}
                  {r.chatUrl && (
                    <>
                      {' · '}
                      <Link to={r.chatUrl}>chat</Link>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Nobody is assigned yet: name an incident commander and a
          communications lead.
        </Typography>
      )}
      <Box mt={1} display="flex" gridGap={8} alignItems="center">
        {major.bridgeUrl && (
          <Typography variant="body2">
            Bridge: <Link to={major.bridgeUrl}>{major.bridgeUrl}</Link>
          </Typography>
        )}
        <Button
          size="small"
          variant="outlined"
          disabled={props.busy}
          onClick={() => setEditing(true)}
        >
          Edit crisis cell
        </Button>
      </Box>
      {editing && (
        <CrisisCellDialog
          major={major}
          busy={props.busy}
          onClose={() => setEditing(false)}
          onSave={async request => {
            if (await props.onSave(request)) setEditing(false);
          }}
        />
      )}
    </Box>
  );
}

function CrisisCellDialog(props: {
  major: MajorIncident;
  busy: boolean;
  onClose: () => void;
  onSave: (request: PutIncidentRolesRequest) => void;
}) {
  const users = useCatalogRefs('user');
  const [roles, setRoles] = useState<Record<string, string>>(
    Object.fromEntries(props.major.roles.map(r => [r.role, r.userRef])),
  );
  const [bridgeUrl, setBridgeUrl] = useState(props.major.bridgeUrl ?? '');
  const options = users.value ?? [];
  return (
    <ActionDialog
      open
      title="Crisis cell"
      confirmLabel="Save"
      disabled={props.busy}
      onClose={props.onClose}
      onConfirm={() =>
        props.onSave({
          roles: Object.entries(roles)
            .filter(([, userRef]) => !!userRef)
            .map(([role, userRef]) => ({ role, userRef })),
          bridgeUrl: bridgeUrl.trim() || null,
        })
      }
    >
      {props.major.availableRoles.map(role => (
        <TextField
          key={role}
          select
          id={`itsm-role-${role}`}
          label={humanize(role)}
          value={roles[role] ?? ''}
          onChange={e => setRoles({ ...roles, [role]: e.target.value })}
          fullWidth
          margin="dense"
        >
          <MenuItem value="">
            <em>Nobody</em>
          </MenuItem>
          {[
            ...new Set([...(roles[role] ? [roles[role]] : []), ...options]),
          ].map(ref => (
            <MenuItem key={ref} value={ref}>
              {ref.replace(/^user:default\//, '')}
            </MenuItem>
          ))}
        </TextField>
      ))}
      <TextField
        id="itsm-cell-bridge"
        label="Bridge or chat link"
        value={bridgeUrl}
        onChange={e => setBridgeUrl(e.target.value)}
        fullWidth
        margin="dense"
        placeholder="https://meet.example.com/…"
      />
    </ActionDialog>
  );
}
