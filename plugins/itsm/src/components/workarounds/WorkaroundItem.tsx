import { Link, MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Workaround } from '@openitsm/backstage-plugin-itsm-common';
import { ReactNode } from 'react';
import { useProblemLink } from '../common/useProblemLink';

/**
 * One workaround: title, its problem (or "known error"), how many incidents
 * used it, and its steps.
 */
export function WorkaroundItem(props: {
  workaround: Workaround;
  /** Controls shown beside the title, e.g. apply or retire. */
  actions?: ReactNode;
}) {
  const { workaround, actions } = props;
  const problemLink = useProblemLink();
  const uses = workaround.useCount;
  return (
    <Box
      component="li"
      py={1}
      aria-label={`${workaround.ref}: ${workaround.title}`}
    >
      <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
        <Typography variant="subtitle2">
          {workaround.ref} · {workaround.title}
        </Typography>
        {workaround.status === 'retired' && (
          <Chip size="small" label="retired" />
        )}
        <Box flexGrow={1} />
        {actions}
      </Box>
      <Typography variant="caption" color="textSecondary" component="div">
        {workaround.problemRef ? (
          <>
            Workaround for{' '}
            <Link to={problemLink({ ref: workaround.problemRef })}>
              {workaround.problemRef}
            </Link>
          </>
        ) : (
          'Known error'
        )}{' '}
        · used by {uses} incident{uses === 1 ? '' : 's'}
      </Typography>
      <MarkdownContent content={workaround.steps} />
    </Box>
  );
}
