import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  isoWeekOf,
  isoWeekRange,
  kpiDayOf,
  shiftIsoWeek,
  WeeklyReview,
} from '@openitsm/backstage-plugin-itsm-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { useChangeLink } from '../changes/useChangeLink';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { useIncidentLink } from '../common/useIncidentLink';
import { useProblemLink } from '../common/useProblemLink';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { WeekPicker } from './WeekPicker';
import { WeeklyKpiTable } from './WeeklyKpiTable';
import { WeeklyReviewExportButtons } from './WeeklyReviewExportButtons';
import { WeeklyReviewItems } from './WeeklyReviewItems';
import { WeeklyTrendChart } from './WeeklyTrendChart';

function TopServices(props: { services: WeeklyReview['topServices'] }) {
  return (
    <InfoCard title="Top services" noPadding>
      {props.services.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          No incidents opened this week.
        </Typography>
      ) : (
        <Table size="small" aria-label="Top services">
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell align="right">Incidents</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.services.map(s => (
              <TableRow key={s.entityRef}>
                <TableCell>
                  <EntityRefLink
                    entityRef={s.entityRef}
                    defaultKind="component"
                  />
                </TableCell>
                <TableCell align="right">{s.opened}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

/** The sections of a loaded review, laid out for the meeting. */
function WeeklyReviewSections(props: { review: WeeklyReview }) {
  const { review } = props;
  const incidentPath = useIncidentLink();
  const problemPath = useProblemLink();
  const changePath = useChangeLink();
  const incidentLink = (ref: string) => incidentPath({ ref });
  const problemLink = (ref: string) => problemPath({ ref });
  const changeLink = (ref: string) => changePath({ ref });
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <InfoCard title="KPIs against the previous week" noPadding>
          <WeeklyKpiTable kpis={review.kpis} previous={review.previousKpis} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title="12-week trend">
          <WeeklyTrendChart trend={review.trend} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <WeeklyReviewItems
          title="P1 and P2 incidents"
          items={review.priorityIncidents}
          columns={['priority', 'status', 'service']}
          atLabel="Detected"
          empty="No P1 or P2 incident this week."
          linkOf={incidentLink}
          incidentLink={incidentLink}
        />
      </Grid>
      <Grid item xs={12}>
        <WeeklyReviewItems
          title="SLA breaches"
          items={review.slaBreaches}
          columns={['priority', 'detail', 'service']}
          atLabel="Due"
          empty="No SLA target breached this week."
          linkOf={incidentLink}
          incidentLink={incidentLink}
        />
      </Grid>
      <Grid item xs={12}>
        <WeeklyReviewItems
          title="Major incidents"
          items={review.majorIncidents}
          columns={['priority', 'status', 'review']}
          atLabel="Detected"
          empty="No major incident this week."
          linkOf={incidentLink}
          incidentLink={incidentLink}
        />
      </Grid>
      <Grid item xs={12} lg={8}>
        <WeeklyReviewItems
          title="Open problems"
          items={review.openProblems}
          columns={['status']}
          atLabel="Opened"
          empty="No open problem."
          linkOf={problemLink}
          incidentLink={incidentLink}
        />
      </Grid>
      <Grid item xs={12} lg={4}>
        <TopServices services={review.topServices} />
      </Grid>
      <Grid item xs={12}>
        <WeeklyReviewItems
          title="Failed changes"
          items={review.failedChanges}
          columns={['detail', 'service']}
          atLabel="Closed"
          empty="No change failed or was rolled back this week."
          linkOf={changeLink}
          incidentLink={incidentLink}
        />
      </Grid>
      <Grid item xs={12}>
        <WeeklyReviewItems
          title="Overdue action items"
          items={review.overdueActionItems}
          columns={['owner', 'incident', 'status']}
          atLabel="Due"
          atIsDay
          empty="No action item is overdue."
          linkOf={() => undefined}
          incidentLink={incidentLink}
        />
      </Grid>
    </Grid>
  );
}

/**
 * `/itsm/reports/weekly?week=YYYY-Www`: the weekly incident review for a
 * management meeting (the last complete week by default), with its
 * Markdown and CSV exports.
 */
export function WeeklyReviewPage() {
  const api = useApi(itsmApiRef);
  const [params, setParams] = useSearchParams();
  const current = isoWeekOf(kpiDayOf(new Date().toISOString()));
  const asked = params.get('week') ?? '';
  const week = isoWeekRange(asked) ? asked : shiftIsoWeek(current, -1);
  const review = useAsync(() => api.getWeeklyReview(week), [api, week]);

  let content;
  if (review.loading) content = <Progress />;
  else if (review.error) content = <ReadErrorPanel error={review.error} />;
  else if (review.value) {
    content = <WeeklyReviewSections review={review.value} />;
  }

  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle={`Weekly incident review ${week}`} />
      <ItsmSectionTabs />
      <Content>
        <Box
          display="flex"
          alignItems="center"
          justifyContent="space-between"
          flexWrap="wrap"
          mb={2}
          style={{ gap: 16 }}
        >
          <WeekPicker
            week={week}
            latest={current}
            onChange={w => setParams({ week: w })}
          />
          {!review.error && <WeeklyReviewExportButtons week={week} />}
        </Box>
        {content}
      </Content>
    </Page>
  );
}
