import { Permission } from '@backstage/plugin-permission-common';
import Typography from '@material-ui/core/Typography';

/** Said where actions would be, to a user whose permissions exclude them. */
export function ReadOnlyNote(props: { what: string; permission: Permission }) {
  return (
    <Typography variant="body2" color="textSecondary">
      You can see this {props.what} but not change it: your permissions do not
      include <code>{props.permission.name}</code>.
    </Typography>
  );
}
