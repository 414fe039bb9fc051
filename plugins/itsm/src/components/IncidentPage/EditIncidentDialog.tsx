import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  derivePriority,
  Incident,
  Level,
  LEVELS,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { EntityRefPicker } from '../common/EntityRefPicker';
import { OptionSelect } from '../common/OptionSelect';
import { PriorityChip } from '../common/PriorityChip';
import { humanize } from '../common/humanize';
import { isoToLocalInput, localInputToIso } from '../changes/localDateTime';
import { useItsmConfig } from '../ReportIncidentDialog/usePriorityMatrix';

type Patch = Omit<UpdateIncidentRequest, 'version'>;

/** What the form changed, and only that (an empty patch changes nothing). */
function changedFields(
  incident: Incident,
  form: {
    title: string;
    category: string;
    impact: Level;
    urgency: Level;
    services: string[];
    occurredAt: string;
    reporterContact: string;
  },
): Patch {
  const patch: Patch = {};
  if (form.title.trim() !== incident.title) patch.title = form.title.trim();
  if (form.category !== incident.category) patch.category = form.category;
  if (form.impact !== incident.impact) patch.impact = form.impact;
  if (form.urgency !== incident.urgency) patch.urgency = form.urgency;
  if (form.services.join() !== incident.affectedServices.join()) {
    patch.affectedServices = form.services;
  }
  const occurredAt = localInputToIso(form.occurredAt);
  if (
    form.occurredAt !== isoToLocalInput(incident.occurredAt) &&
    occurredAt !== incident.occurredAt
  ) {
    patch.occurredAt = occurredAt ?? null;
  }
  const contact = form.reporterContact.trim();
  if (contact !== (incident.reporterContact ?? '')) {
    patch.reporterContact = contact || null;
  }
  return patch;
}

/**
 * "Edit" on the incident page: reclassify (impact, urgency and so the
 * priority from the configured matrix, category) and correct the title,
 * affected services, occurred-at and reporter contact. The SLA due times
 * follow the new priority when saved.
 */
export function EditIncidentDialog(props: {
  incident: Incident;
  busy: boolean;
  /** Saves the patch; resolves false when it failed (the page shows why). */
  onSave: (patch: Patch) => Promise<boolean>;
}) {
  const { incident, busy, onSave } = props;
  const { matrix, categories } = useItsmConfig();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(incident.title);
  const [category, setCategory] = useState(incident.category);
  const [impact, setImpact] = useState<Level>(incident.impact);
  const [urgency, setUrgency] = useState<Level>(incident.urgency);
  const [services, setServices] = useState(incident.affectedServices);
  const [occurredAt, setOccurredAt] = useState('');
  const [reporterContact, setReporterContact] = useState('');

  const start = () => {
    setTitle(incident.title);
    setCategory(incident.category);
    setImpact(incident.impact);
    setUrgency(incident.urgency);
    setServices(incident.affectedServices);
    setOccurredAt(isoToLocalInput(incident.occurredAt));
    setReporterContact(incident.reporterContact ?? '');
    setOpen(true);
  };
  const priority = derivePriority(impact, urgency, matrix);
  const patch = changedFields(incident, {
    title,
    category,
    impact,
    urgency,
    services,
    occurredAt,
    reporterContact,
  });
  const occurredInFuture =
    Boolean(localInputToIso(occurredAt)) &&
    Date.parse(localInputToIso(occurredAt)!) > Date.now();
  const invalid = !title.trim() || !services.length || occurredInFuture;
  // The incident's own categories stay choosable even if config dropped them
  const categoryOptions = categories.includes(incident.category)
    ? categories
    : [incident.category, ...categories];

  return (
    <>
      <Button variant="outlined" disabled={busy} onClick={start}>
        Edit / reclassify
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title={<>Edit {incident.ref}</>}
        confirmLabel="Save"
        disabled={busy || invalid || !Object.keys(patch).length}
        onConfirm={async () => {
          if (await onSave(patch)) setOpen(false);
        }}
      >
        <TextField
          id="itsm-edit-title"
          label="Title"
          value={title}
          onChange={e => setTitle(e.target.value)}
          required
          error={!title.trim()}
          fullWidth
          margin="dense"
        />
        <EntityRefPicker
          id="itsm-edit-services"
          label="Affected services"
          kinds={['component', 'resource', 'system']}
          multiple
          value={services}
          onChange={setServices}
          required
          helperText={
            services.length
              ? 'The first one is the primary service'
              : 'Name at least one service'
          }
        />
        <Box display="flex" gridGap={16}>
          <OptionSelect
            id="itsm-edit-impact"
            label="Impact"
            value={impact}
            options={LEVELS}
            onChange={setImpact}
            format={humanize}
          />
          <OptionSelect
            id="itsm-edit-urgency"
            label="Urgency"
            value={urgency}
            options={LEVELS}
            onChange={setUrgency}
            format={humanize}
          />
          <OptionSelect
            id="itsm-edit-category"
            label="Category"
            value={category}
            options={categoryOptions}
            onChange={setCategory}
            format={humanize}
          />
        </Box>
        <Box
          mt={1}
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          gridGap={8}
        >
          <Typography
            variant="body2"
            id="itsm-edit-priority-label"
            style={{ whiteSpace: 'nowrap' }}
          >
            Priority (impact × urgency):
          </Typography>
          <span aria-labelledby="itsm-edit-priority-label" role="status">
            <PriorityChip priority={priority} />
          </span>
          {priority !== incident.priority && (
            <Typography variant="body2" color="textSecondary">
              was {incident.priority}; the SLA due times are recomputed on save
            </Typography>
          )}
        </Box>
        <Box display="flex" gridGap={16}>
          <TextField
            id="itsm-edit-occurred-at"
            label="Occurred at"
            type="datetime-local"
            value={occurredAt}
            onChange={e => setOccurredAt(e.target.value)}
            InputLabelProps={{ shrink: true }}
            error={occurredInFuture}
            helperText={
              occurredInFuture
                ? 'Must not be in the future'
                : 'When the disruption began'
            }
            fullWidth
            margin="dense"
          />
          <TextField
            id="itsm-edit-reporter-contact"
            label="Reporter contact"
            value={reporterContact}
            onChange={e => setReporterContact(e.target.value)}
            helperText="E-mail, phone or chat handle"
            fullWidth
            margin="dense"
          />
        </Box>
      </ActionDialog>
    </>
  );
}
