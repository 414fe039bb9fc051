import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { MyActionItemsCard } from './ActionItemsCard';
import { ReviewTable } from './ReviewTable';

/**
 * `/itsm/reviews`: reviews to write (incidents refused closing first), in
 * review and published, and the signed-in user's action items.
 */
export function ReviewsPage() {
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Post-incident reviews" />
      <ItsmSectionTabs />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <InfoCard title="To write">
              <ReviewTable
                query={{ status: 'to_write', blocked: true, limit: 100 }}
                empty="No resolved incident is waiting on its review to close."
              />
              <ReviewTable
                query={{ status: 'to_write', blocked: false, limit: 100 }}
                empty="No other review to write."
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="In review">
              <ReviewTable
                query={{ status: 'in_review', limit: 100 }}
                empty="No review is waiting for approval."
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Published">
              <ReviewTable
                query={{ status: 'published', limit: 100 }}
                empty="No review was published yet."
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <MyActionItemsCard />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
