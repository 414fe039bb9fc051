import { Link } from '@backstage/core-components';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ItsmSearchDocument,
  isPriority,
} from '@openitsm/backstage-plugin-itsm-common';
import { ReactNode } from 'react';
import { humanize } from '../common/humanize';
import { PriorityChip } from '../common/PriorityChip';
import { ItsmRecordKindIcon, RECORD_KIND_LABELS } from './recordKinds';

const useStyles = makeStyles(theme => ({
  item: { display: 'flex' },
  body: { flexWrap: 'wrap', minWidth: 0 },
  text: { width: '100%', marginBottom: theme.spacing(1) },
  ref: { whiteSpace: 'nowrap', marginRight: theme.spacing(0.5) },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    alignItems: 'center',
  },
}));

/** @public */
export interface ItsmSearchResultListItemProps {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
  /** Lines of text shown before it is cut (default 3). */
  lineClamp?: number;
}

function Highlighted(props: {
  highlight?: ResultHighlight;
  field: 'title' | 'text';
  text: string;
}) {
  const { highlight, field, text } = props;
  const highlighted = highlight?.fields[field];
  if (!highlight || !highlighted) return <>{text}</>;
  return (
    <HighlightedSearchResultText
      text={highlighted}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  );
}

/**
 * An ITSM record among search results: its ref and title linking to it,
 * the matched words highlighted, what it is, its status, priority and
 * service.
 *
 * @public
 */
export function ItsmSearchResultListItem(props: ItsmSearchResultListItemProps) {
  const classes = useStyles();
  const document = props.result as ItsmSearchDocument | undefined;
  if (!document) return null;
  const { highlight } = props;
  const kindLabel =
    RECORD_KIND_LABELS[document.kind] ?? humanize(document.kind);
  const status = humanize(document.status);
  return (
    <div className={classes.item}>
      <ListItemIcon>
        {props.icon ?? <ItsmRecordKindIcon kind={document.kind} />}
      </ListItemIcon>
      <div className={classes.body}>
        <ListItemText
          className={classes.text}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={document.location}>
              <span className={classes.ref}>{document.ref}</span>{' '}
              <Highlighted
                highlight={highlight}
                field="title"
                text={document.title}
              />
            </Link>
          }
          secondary={
            <Typography
              component="span"
              color="textSecondary"
              variant="body2"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: props.lineClamp ?? 3,
                overflow: 'hidden',
              }}
            >
              <Highlighted
                highlight={highlight}
                field="text"
                text={document.text}
              />
            </Typography>
          }
        />
        <Box className={classes.chips}>
          <Chip size="small" color="primary" label={kindLabel} />
          {/* A known error's status says it again */}
          {status !== kindLabel && (
            <Chip size="small" variant="outlined" label={status} />
          )}
          {document.priority && isPriority(document.priority) && (
            <PriorityChip priority={document.priority} />
          )}
          {document.entityRef && (
            <Chip
              size="small"
              variant="outlined"
              label={
                <EntityDisplayName
                  entityRef={document.entityRef}
                  defaultKind="component"
                  hideIcon
                  disableTooltip
                />
              }
            />
          )}
        </Box>
      </div>
    </div>
  );
}
