import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReviewTable } from './ReviewTable';

/**
 * The Reviews sub-view of a service's ITSM tab: the published reviews of
 * its incidents, most recent first, and those still in review.
 */
export function EntityReviews(props: { entityRef: string }) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Published reviews">
          <ReviewTable
            query={{ status: 'published', entityRef: props.entityRef }}
            empty="No review of this service's incidents was published yet."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="In review">
          <ReviewTable
            query={{ status: 'in_review', entityRef: props.entityRef }}
            empty="No review of this service's incidents is in review."
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
