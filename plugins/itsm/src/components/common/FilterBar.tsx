import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';

/** The row of filters above a list; it wraps on narrow screens. */
export function FilterBar(props: { children: ReactNode }) {
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="center" mb={2}>
      {props.children}
    </Box>
  );
}
