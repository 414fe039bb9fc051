import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  allowedReviewTransitions,
  Incident,
  itsmReviewPublishPermission,
  itsmReviewUpdatePermission,
  isReviewEditable,
  Review,
  reviewActionLabel,
  ReviewSections,
  ReviewStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { formatDateTime } from '../common/formatTime';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { useAllowed } from '../common/useAllowed';
import { useRecordActions } from '../common/useRecordActions';
import { ActionItemTable } from './ActionItemTable';
import { AddActionItemForm } from './AddActionItemForm';
import { MarkdownExportButton } from './MarkdownExportButton';
import { ReviewFactsTable } from './ReviewFactsTable';
import { ReviewSectionsForm } from './ReviewSectionsForm';
import { ReviewStatusLabel } from './ReviewStatusLabel';
import { ReviewTimelineList } from './ReviewTimelineList';

/** The review, or null when none was started (a 404). */
async function reviewOrNull(load: () => Promise<Review>) {
  try {
    return await load();
  } catch (e) {
    if (e instanceof ResponseError && e.statusCode === 404) return null;
    throw e;
  }
}

/**
 * The post-incident review of an incident, on its page: the facts and the
 * timeline from the incident, the written sections, the way through review
 * to publication, and the action items. Only permitted actions are offered.
 */
export function ReviewEditor(props: {
  incident: Incident;
  /** Called after each write (the incident's timeline records it). */
  onChanged?: () => void;
}) {
  const { incident } = props;
  const api = useApi(itsmApiRef);
  const review = useAsyncRetry(
    () => reviewOrNull(() => api.getReview(incident.id)),
    [api, incident.id, incident.version],
  );
  const canUpdate = useAllowed(itsmReviewUpdatePermission);
  const canPublish = useAllowed(itsmReviewPublishPermission);
  const { busy, error, clearError, run } = useRecordActions({
    reload: () => {
      review.retry();
      props.onChanged?.();
    },
    staleMessage:
      'This review was changed by someone else; reload to see the latest and try again.',
  });
  const [sections, setSections] = useState<ReviewSections>({});
  const [dirty, setDirty] = useState(false);
  const current = review.value;
  // What the editor holds follows the stored review only when its version
  // moves: reloading after an action item is added keeps unsaved text.
  const loaded = current ? `${current.id}@${current.version}` : '';
  useEffect(() => {
    setSections(current?.sections ?? {});
    setDirty(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  let body;
  if (review.loading && review.value === undefined) {
    body = <Progress />;
  } else if (review.error) {
    body = <ReadErrorPanel error={review.error} />;
  } else if (!current) {
    body = (
      <Box>
        <Typography variant="body2" paragraph>
          {incident.major
            ? `${incident.ref} is a major incident: it closes once its review is published.`
            : 'No post-incident review was started for this incident.'}
        </Typography>
        {canUpdate && (
          <Button
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={() =>
              run(() => api.putReview(incident.id, { sections: {} }))
            }
          >
            Start the review
          </Button>
        )}
      </Box>
    );
  } else {
    const editable = isReviewEditable(current.status) && !!canUpdate;
    const move = (to: ReviewStatus) =>
      run(() =>
        api.putReview(incident.id, {
          version: current.version,
          status: to,
          ...(dirty ? { sections } : {}),
        }),
      );
    const allowedMove = (to: ReviewStatus) =>
      to === 'published' ? canPublish : canUpdate;
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
            <ReviewStatusLabel status={current.status} />
            <Typography variant="body2" color="textSecondary">
              Revision {current.revision}
              {current.publishedAt &&
                ` · published ${formatDateTime(current.publishedAt)} by ${
                  current.publishedBy
                }`}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Reviewers: {current.reviewers.join(', ') || 'none'}
              {current.approvals.length > 0 &&
                ` · approved by ${current.approvals
                  .map(a => a.reviewer)
                  .join(', ')}`}
            </Typography>
            <Box flexGrow={1} />
            {editable && (
              <Button
                variant="outlined"
                disabled={busy || !dirty}
                onClick={() =>
                  run(() =>
                    api.putReview(incident.id, {
                      version: current.version,
                      sections,
                    }),
                  )
                }
              >
                Save
              </Button>
            )}
            {current.status === 'in_review' && (canUpdate || canPublish) && (
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() => run(() => api.approveReview(incident.id))}
              >
                Approve
              </Button>
            )}
            {allowedReviewTransitions(current.status)
              .filter(allowedMove)
              .map(to => (
                <Button
                  key={to}
                  variant={to === 'draft' ? 'outlined' : 'contained'}
                  color="primary"
                  disabled={busy}
                  onClick={() => move(to)}
                >
                  {reviewActionLabel(current.status, to)}
                </Button>
              ))}
            <MarkdownExportButton incidentId={incident.id} />
          </Box>
        </Grid>
        {error && (
          <Grid item xs={12}>
            <ActionErrorAlert
              error={error}
              onReload={() => {
                clearError();
                review.retry();
              }}
            />
          </Grid>
        )}
        <Grid item xs={12} lg={5}>
          <Typography variant="h6" gutterBottom>
            Facts
          </Typography>
          <ReviewFactsTable facts={current.facts} />
        </Grid>
        <Grid item xs={12} lg={7}>
          <Typography variant="h6" gutterBottom>
            Timeline
          </Typography>
          <ReviewTimelineList timeline={current.timeline} />
        </Grid>
        <Grid item xs={12}>
          <ReviewSectionsForm
            sections={sections}
            readOnly={!editable}
            onChange={next => {
              setSections(next);
              setDirty(true);
            }}
          />
        </Grid>
        <Grid item xs={12}>
          <Typography variant="h6" gutterBottom>
            Action items
          </Typography>
          <ActionItemTable
            items={current.actionItems}
            busy={busy}
            onMove={
              canUpdate
                ? (item, status) =>
                    run(() =>
                      api.updateActionItem(item.id, {
                        version: item.version,
                        status,
                      }),
                    )
                : undefined
            }
            onConvert={
              canUpdate
                ? (item, to) => run(() => api.convertActionItem(item.id, to))
                : undefined
            }
          />
          {canUpdate && (
            <AddActionItemForm
              busy={busy}
              onAdd={request =>
                run(() =>
                  api.createActionItem({ ...request, incident: incident.id }),
                )
              }
            />
          )}
        </Grid>
      </Grid>
    );
  }
  return (
    <InfoCard title="Post-incident review">
      {!current && error && (
        <Box mb={2}>
          <ActionErrorAlert error={error} onReload={review.retry} />
        </Box>
      )}
      {body}
    </InfoCard>
  );
}
