import { MarkdownContent } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { DetailField, DetailFieldProps } from '../common/DetailField';
import { formatDateTime } from '../common/formatTime';
import { PersonName } from '../common/PersonName';
import { PriorityChip } from '../common/PriorityChip';
import { IncidentStatusLabel } from '../common/IncidentStatusLabel';

/** Three fields a row on wide screens: an incident records many. */
function Field(props: DetailFieldProps) {
  return <DetailField size="third" {...props} />;
}

/** Everything recorded on an incident. */
export function IncidentDetails(props: { incident: Incident }) {
  const { incident } = props;
  return (
    <>
      {incident.description ? (
        <MarkdownContent content={incident.description} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No description.
        </Typography>
      )}
      <Grid container spacing={2} style={{ marginTop: 8 }}>
        <Field label="Status">
          <IncidentStatusLabel status={incident.status} />
        </Field>
        <Field label="Priority">
          <PriorityChip priority={incident.priority} /> ({incident.impact}{' '}
          impact, {incident.urgency} urgency)
        </Field>
        <Field label="Category">{incident.category}</Field>
        <Field label="Affected services">
          <EntityRefLinks
            entityRefs={incident.affectedServices}
            defaultKind="component"
          />
        </Field>
        <Field label="Assigned group">
          {incident.assignedGroup ? (
            <EntityRefLinks
              entityRefs={[incident.assignedGroup]}
              defaultKind="group"
            />
          ) : (
            '–'
          )}
        </Field>
        <Field label="Assignee">
          {incident.assignee ? (
            <EntityRefLinks
              entityRefs={[incident.assignee]}
              defaultKind="user"
            />
          ) : (
            '–'
          )}
        </Field>
        <Field label="Reporter">
          <PersonName entityRef={incident.reporter} />
          {incident.reporterContact ? ` (${incident.reporterContact})` : ''}
        </Field>
        <Field label="Source">{incident.source}</Field>
        {incident.occurredAt && (
          <Field label="Occurred">{formatDateTime(incident.occurredAt)}</Field>
        )}
        <Field label="Detected">{formatDateTime(incident.detectedAt)}</Field>
        <Field label="Acknowledged">
          {formatDateTime(incident.acknowledgedAt)}
        </Field>
        <Field label="Resolved">{formatDateTime(incident.resolvedAt)}</Field>
        <Field label="Closed">{formatDateTime(incident.closedAt)}</Field>
        {incident.resolutionCode && (
          <Field label="Resolution">
            {incident.resolutionCode.replace(/_/g, ' ')}:{' '}
            {incident.resolutionNotes}
          </Field>
        )}
        <Field label="Last updated">{formatDateTime(incident.updatedAt)}</Field>
        {incident.reopenCount > 0 && (
          <Field label="Reopened">{incident.reopenCount}×</Field>
        )}
      </Grid>
    </>
  );
}
