import { Link } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { Problem } from '@openitsm/backstage-plugin-itsm-common';
import { DetailField as Field } from '../common/DetailField';
import { PersonName } from '../common/PersonName';
import { formatDateTime } from '../common/formatTime';
import { humanize } from '../common/humanize';
import { useChangeLink } from '../changes/useChangeLink';
import { ProblemStatusLabel } from './ProblemStatusLabel';

/** What a problem is, where, who owns it, and what is known of its cause. */
export function ProblemDetails(props: { problem: Problem }) {
  const { problem } = props;
  const changeLink = useChangeLink();
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
      <Field label="Affected services" size="full">
        {problem.affectedServices.length ? (
          <EntityRefLinks
            entityRefs={problem.affectedServices}
            defaultKind="component"
          />
        ) : (
          '–'
        )}
      </Field>
      <Field label="Description" size="full">
        {problem.description || '–'}
      </Field>
      <Field label="Root cause" size="full">
        {problem.rootCause ?? 'Not known yet'}
      </Field>
      <Field label="Fix changes">
        {problem.fixChanges.length
          ? problem.fixChanges.map((change, i) => (
              <span key={change.id}>
                {i > 0 && ', '}
                <Link to={changeLink(change)}>{change.ref}</Link>
                {change.outcome ? ` (${humanize(change.outcome)})` : ''}
              </span>
            ))
          : '–'}
      </Field>
      <Field label="Linked incidents">{problem.incidentCount}</Field>
      <Field label="Opened">
        {formatDateTime(problem.createdAt)} by{' '}
        <PersonName entityRef={problem.createdBy} />
      </Field>
      <Field label="Resolved">{formatDateTime(problem.resolvedAt)}</Field>
    </Grid>
  );
}
