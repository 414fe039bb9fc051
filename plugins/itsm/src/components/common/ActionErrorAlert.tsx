import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { ActionError } from './actionError';

/** A failed action; a stale version is a warning with a Reload button. */
export function ActionErrorAlert(props: {
  error: ActionError;
  onReload: () => void;
}) {
  const { error } = props;
  return (
    <Alert
      severity={error.stale ? 'warning' : 'error'}
      action={
        error.stale ? (
          <Button color="inherit" size="small" onClick={props.onReload}>
            Reload
          </Button>
        ) : undefined
      }
    >
      {error.message}
    </Alert>
  );
}
