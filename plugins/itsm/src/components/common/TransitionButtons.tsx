import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';

/**
 * One button per legal next status. The way out of the lifecycle (cancel,
 * close) is outlined so the usual next step stands out.
 */
export function TransitionButtons<S extends string>(props: {
  next: readonly S[];
  /** The status whose button is outlined rather than filled. */
  quiet: S;
  busy: boolean;
  label: (to: S) => string;
  onMove: (to: S) => void;
}) {
  return (
    <Box
      display="flex"
      gridGap={8}
      flexWrap="wrap"
      role="group"
      aria-label="Status actions"
    >
      {props.next.map(to => (
        <Button
          key={to}
          variant={to === props.quiet ? 'outlined' : 'contained'}
          color={to === props.quiet ? 'default' : 'primary'}
          disabled={props.busy}
          onClick={() => props.onMove(to)}
        >
          {props.label(to)}
        </Button>
      ))}
    </Box>
  );
}
