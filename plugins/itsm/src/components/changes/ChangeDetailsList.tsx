import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { ChangeDetails } from '@openitsm/backstage-plugin-itsm-common';
import { Link } from '@backstage/core-components';
import { DetailField, DetailFieldProps } from '../common/DetailField';
import { formatDateTime } from '../common/formatTime';
import { useProblemLink } from '../common/useProblemLink';
import { humanize } from '../common/humanize';
import { ChangeStatusLabel, OutcomeLabel } from './ChangeStatusLabel';

/** Plans and notes are multi-line text: keep their line breaks. */
function Field(props: DetailFieldProps) {
  return <DetailField preWrap {...props} />;
}

/** What a change is: scope, window, plans and how it ended. */
export function ChangeDetailsList(props: { change: ChangeDetails }) {
  const c = props.change;
  const problemLink = useProblemLink();
  return (
    <Grid container spacing={2}>
      <Field label="Status">
        <ChangeStatusLabel status={c.status} />
      </Field>
      <Field label="Type / risk">
        {humanize(c.type)} / {humanize(c.risk)} risk
      </Field>
      <Field label="Services">
        <EntityRefLinks
          entityRefs={c.affectedServices}
          defaultKind="component"
        />
      </Field>
      <Field label="Requested by">
        <EntityRefLinks entityRefs={[c.requester]} defaultKind="user" />
      </Field>
      <Field label="Planned window">
        {formatDateTime(c.plannedStart)} – {formatDateTime(c.plannedEnd)}
      </Field>
      <Field label="Actual window">
        {formatDateTime(c.actualStart)} – {formatDateTime(c.actualEnd)}
      </Field>
      <Field label="Fixes problem">
        {c.problemRef ? (
          <Link to={problemLink({ ref: c.problemRef })}>{c.problemRef}</Link>
        ) : (
          '–'
        )}
      </Field>
      <Field label="Outcome">
        {c.outcome ? <OutcomeLabel outcome={c.outcome} /> : '–'}
        {c.outcomeNotes ? ` — ${c.outcomeNotes}` : ''}
      </Field>
      {c.freezeOverrideReason && (
        <Field label="Freeze override" size="full">
          {c.freezeOverrideReason}
        </Field>
      )}
      <Field label="Description" size="full">
        {c.description || '–'}
      </Field>
      <Field label="Implementation plan" size="full">
        {c.implementationPlan || '–'}
      </Field>
      <Field label="Backout plan" size="full">
        {c.backoutPlan || '–'}
      </Field>
      <Field label="Test plan" size="full">
        {c.testPlan || '–'}
      </Field>
    </Grid>
  );
}
