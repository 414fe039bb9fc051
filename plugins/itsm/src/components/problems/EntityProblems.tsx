import { ContentHeader } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { EntityOpenWorkaroundsCard } from '../workarounds/EntityOpenWorkaroundsCard';
import { OpenProblemDialog } from './OpenProblemDialog';
import { ProblemList } from './ProblemList';
import { ProblemProposals } from './ProblemProposals';

/** The Problems sub-view of a service's ITSM tab. */
export function EntityProblems(props: { entityRef: string }) {
  const [opening, setOpening] = useState(false);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ProblemProposals entityRef={props.entityRef} />
      </Grid>
      <Grid item xs={12} lg={7}>
        <ContentHeader title="Problems">
          <Button
            variant="contained"
            color="primary"
            onClick={() => setOpening(true)}
          >
            Open problem
          </Button>
        </ContentHeader>
        <ProblemList entityRef={props.entityRef} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <EntityOpenWorkaroundsCard />
      </Grid>
      <OpenProblemDialog
        open={opening}
        onClose={() => setOpening(false)}
        entityRef={props.entityRef}
      />
    </Grid>
  );
}
