import { Link } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import { ChangeConflict } from '@openitsm/backstage-plugin-itsm-common';
import { formatDateTime } from '../common/formatTime';
import { useChangeLink } from './useChangeLink';

/** Overlapping changes and freezes of a planned window, as warnings. */
export function ConflictList(props: { conflicts: ChangeConflict[] }) {
  const changeLink = useChangeLink();
  if (!props.conflicts.length) {
    return <Alert severity="success">No conflicts with this window.</Alert>;
  }
  return (
    <>
      {props.conflicts.map(conflict =>
        conflict.kind === 'overlap' ? (
          <Alert
            key={`${conflict.changeId}-${conflict.service}`}
            severity="warning"
          >
            Overlaps{' '}
            <Link to={changeLink({ ref: conflict.changeRef })}>
              {conflict.changeRef}
            </Link>{' '}
            ({conflict.title}) on {conflict.service},{' '}
            {formatDateTime(conflict.start)} – {formatDateTime(conflict.end)}
          </Alert>
        ) : (
          <Alert key={`freeze-${conflict.freeze}`} severity="error">
            In freeze “{conflict.freeze}” (
            {conflict.services === 'all'
              ? 'all services'
              : conflict.services.join(', ')}
            ), {formatDateTime(conflict.start)} – {formatDateTime(conflict.end)}
          </Alert>
        ),
      )}
    </>
  );
}
