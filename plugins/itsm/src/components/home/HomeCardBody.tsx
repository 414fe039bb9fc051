import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/**
 * The states every home page card goes through: loading, failed (a 403 says
 * which permission), empty (in words), or its content.
 */
export function HomeCardBody<T>(props: {
  state: { loading: boolean; error?: Error; value?: T };
  isEmpty: (value: T) => boolean;
  empty: ReactNode;
  children: (value: T) => ReactNode;
}) {
  const { state } = props;
  if (state.error) return <ReadErrorPanel error={state.error} />;
  if (state.value === undefined) return <Progress />;
  if (props.isEmpty(state.value)) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return <>{props.children(state.value)}</>;
}
