import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

const SIZES = {
  third: { xs: 6, md: 4 },
  half: { xs: 12, sm: 6 },
  full: { xs: 12 },
} as const;

/** One labelled value in a record's details grid. */
export interface DetailFieldProps {
  label: string;
  children: ReactNode;
  /** Its share of a row on wide screens; half unless told. */
  size?: keyof typeof SIZES;
  /** Keeps the line breaks of multi-line text (plans, notes). */
  preWrap?: boolean;
}

export function DetailField(props: DetailFieldProps) {
  return (
    <Grid item {...SIZES[props.size ?? 'half']}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography
        variant="body2"
        component="div"
        style={props.preWrap ? { whiteSpace: 'pre-wrap' } : undefined}
      >
        {props.children}
      </Typography>
    </Grid>
  );
}
