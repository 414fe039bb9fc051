import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Problem } from '@openitsm/backstage-plugin-itsm-common';
import { ReactNode } from 'react';
import { formatDateTime } from '../common/formatTime';
import { ProblemStatusLabel } from './ProblemStatusLabel';

function Field(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Grid item xs={12} sm={props.wide ? 12 : 6}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/** What a problem is, where, who owns it, and what is known of its cause. */
export function ProblemDetails(props: { problem: Problem }) {
  const { problem } = props;
  return (
    <Grid container spacing={2}>
      <Field label="Status">
        <ProblemStatusLabel status={problem.status} />
      </Field>
      <Field label="Owner group">
        {problem.ownerGroup ? (
          <EntityRefLinks
            entityRefs={[problem.ownerGroup]}
            defaultKind="group"
          />
        ) : (
          '–'
        )}
      </Field>
      <Field label="Affected services" wide>
        {problem.affectedServices.length ? (
          <EntityRefLinks
            entityRefs={problem.affectedServices}
            defaultKind="component"
          />
        ) : (
          '–'
        )}
      </Field>
      <Field label="Description" wide>
        {problem.description || '–'}
      </Field>
      <Field label="Root cause" wide>
        {problem.rootCause ?? 'Not known yet'}
      </Field>
      <Field label="Fixed by change">{problem.fixChangeRef ?? '–'}</Field>
      <Field label="Linked incidents">{problem.incidentCount}</Field>
      <Field label="Opened">
        {formatDateTime(problem.createdAt)} by {problem.createdBy}
      </Field>
      <Field label="Resolved">{formatDateTime(problem.resolvedAt)}</Field>
    </Grid>
  );
}
