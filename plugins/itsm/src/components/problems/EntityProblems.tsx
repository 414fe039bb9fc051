import { ContentHeader } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { EntityOpenWorkaroundsCard } from '../workarounds/EntityOpenWorkaroundsCard';
import { PublishKnownErrorDialog } from '../workarounds/PublishKnownErrorDialog';
import Box from '@material-ui/core/Box';
import { OpenProblemDialog } from './OpenProblemDialog';
import { ProblemList } from './ProblemList';
import { ProblemProposals } from './ProblemProposals';
import {
  itsmProblemCreatePermission,
  itsmProblemUpdatePermission,
} from '@openitsm/backstage-plugin-itsm-common';
import { Permitted } from '../common/Permitted';

/** The Problems sub-view of a service's ITSM tab. */
export function EntityProblems(props: { entityRef: string }) {
  const [opening, setOpening] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [workaroundsKey, setWorkaroundsKey] = useState(0);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ProblemProposals entityRef={props.entityRef} />
      </Grid>
      <Grid item xs={12} lg={7}>
        <ContentHeader title="Problems">
          <Permitted permission={itsmProblemCreatePermission}>
            <Button
              variant="contained"
              color="primary"
              onClick={() => setOpening(true)}
            >
              Open problem
            </Button>
          </Permitted>
        </ContentHeader>
        <ProblemList entityRef={props.entityRef} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <EntityOpenWorkaroundsCard key={workaroundsKey} />
        <Permitted permission={itsmProblemUpdatePermission}>
          <Box mt={1}>
            <Button size="small" onClick={() => setPublishing(true)}>
              Publish a known error
            </Button>
          </Box>
        </Permitted>
        <PublishKnownErrorDialog
          open={publishing}
          entityRef={props.entityRef}
          onClose={() => setPublishing(false)}
          onPublished={() => setWorkaroundsKey(k => k + 1)}
        />
      </Grid>
      <OpenProblemDialog
        open={opening}
        onClose={() => setOpening(false)}
        entityRef={props.entityRef}
      />
    </Grid>
  );
}
