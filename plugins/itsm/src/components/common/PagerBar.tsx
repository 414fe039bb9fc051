import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { CursorPages } from './useCursorPages';

/** `1–25 of 40`: the rows shown, and how many there are when known. */
export function pageRange(
  offset: number,
  count: number,
  total?: number,
): string {
  return `${offset + 1}–${offset + count}${
    total !== undefined ? ` of ${total}` : ''
  }`;
}

/** Previous / Next under a cursor-paged table, after a summary if any. */
export function PagerBar(props: {
  pages: CursorPages;
  /** The page shown now. */
  page: { items: unknown[]; nextCursor?: string };
  summary?: ReactNode;
}) {
  const { pages, page } = props;
  return (
    <Box
      display="flex"
      justifyContent="flex-end"
      alignItems="center"
      gridGap={16}
      mt={1}
    >
      {props.summary && (
        <Typography variant="body2" color="textSecondary">
          {props.summary}
        </Typography>
      )}
      <Button
        size="small"
        disabled={!pages.hasPrevious}
        onClick={pages.previous}
      >
        Previous
      </Button>
      <Button
        size="small"
        disabled={!page.nextCursor}
        onClick={() => pages.next(page)}
      >
        Next
      </Button>
    </Box>
  );
}
