import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  derivePriority,
  Incident,
  Level,
  LEVELS,
} from '@openitsm/backstage-plugin-itsm-common';
import { FormEvent, useState } from 'react';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { PriorityChip } from '../common/PriorityChip';
import { EntityRefPicker } from '../common/EntityRefPicker';
import { useIncidentLink } from '../common/useIncidentLink';
import { useItsmConfig } from './usePriorityMatrix';
import { OptionSelect } from '../common/OptionSelect';
import { ReportSuggestions } from './ReportSuggestions';
import { TitleDescriptionFields } from '../common/TitleDescriptionFields';

/**
 * The report form, then the created incident's ref. Lives inside the dialog,
 * which unmounts it when closed: nothing is fetched while the dialog is shut,
 * and every opening starts from a fresh form.
 */
export function ReportIncidentForm(props: {
  onClose: () => void;
  entityRef?: string;
  onCreated?: (incident: Incident) => void;
}) {
  const { onClose, entityRef, onCreated } = props;
  const api = useApi(itsmApiRef);
  const { matrix, categories } = useItsmConfig();
  const incidentLink = useIncidentLink();

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [services, setServices] = useState<string[]>(
    entityRef ? [entityRef] : [],
  );
  const [impact, setImpact] = useState<Level>('medium');
  const [urgency, setUrgency] = useState<Level>('medium');
  const [category, setCategory] = useState(categories[0]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<Incident>();
  const [applied, setApplied] = useState<string[]>([]);
  const [applyError, setApplyError] = useState<string>();

  const priority = derivePriority(impact, urgency, matrix);

  const reset = () => {
    setTitle('');
    setDescription('');
    setServices(entityRef ? [entityRef] : []);
    setImpact('medium');
    setUrgency('medium');
    setCategory(categories[0]);
    setError(undefined);
    setCreated(undefined);
    setApplied([]);
    setApplyError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      const incident = await api.createIncident({
        title,
        description,
        affectedServices: services,
        impact,
        urgency,
        category,
      });
      // Workarounds ticked in the suggestions are recorded on the incident
      try {
        for (const id of applied) {
          await api.applyWorkaround(id, incident.id);
        }
      } catch (e) {
        setApplyError(errorMessage(e));
      }
      setCreated(incident);
      onCreated?.(incident);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  if (created) {
    return (
      <>
        <DialogTitle>Incident reported</DialogTitle>
        <DialogContent>
          <Alert severity="success">
            <Link to={incidentLink(created)}>{created.ref}</Link> created with
            priority {created.priority}
            {applied.length && !applyError
              ? `; ${applied.length} workaround${
                  applied.length === 1 ? '' : 's'
                } recorded on it`
              : ''}
            .
          </Alert>
          {applyError && (
            <Box mt={1}>
              <Alert severity="warning">
                The workaround could not be recorded: {applyError}
              </Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={reset}>Report another</Button>
          <Button color="primary" onClick={onClose}>
            Close
          </Button>
        </DialogActions>
      </>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>Report incident</DialogTitle>
      <DialogContent>
        {error && (
          <Box mb={2}>
            <Alert severity="error">{error}</Alert>
          </Box>
        )}
        {services[0] && (
          <ReportSuggestions
            entityRef={services[0]}
            title={title}
            description={description}
            category={category}
            applied={applied}
            onAppliedChange={setApplied}
          />
        )}
        <TitleDescriptionFields
          idPrefix="itsm-report"
          title={title}
          onTitleChange={setTitle}
          description={description}
          onDescriptionChange={setDescription}
        />
        <EntityRefPicker
          id="itsm-report-services"
          label="Affected services"
          kinds={['component', 'resource', 'system']}
          multiple
          value={services}
          onChange={value => {
            // The service the dialog was opened from stays first
            const rest = value.filter(v => v !== entityRef);
            setServices(
              entityRef && value.includes(entityRef)
                ? [entityRef, ...rest]
                : value,
            );
          }}
          helperText="The first one is the primary service"
        />
        <Box display="flex" gridGap={16}>
          <OptionSelect
            id="itsm-report-impact"
            label="Impact"
            value={impact}
            options={LEVELS}
            onChange={setImpact}
          />
          <OptionSelect
            id="itsm-report-urgency"
            label="Urgency"
            value={urgency}
            options={LEVELS}
            onChange={setUrgency}
          />
          <OptionSelect
            id="itsm-report-category"
            label="Category"
            value={category}
            options={categories}
            onChange={setCategory}
          />
        </Box>
        <Box mt={2} display="flex" alignItems="center" gridGap={8}>
          <Typography variant="body2" id="derived-priority-label">
            Priority (impact × urgency):
          </Typography>
          <span aria-labelledby="derived-priority-label" role="status">
            <PriorityChip priority={priority} />
          </span>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={submitting || !title.trim() || !services.length}
        >
          Report
        </Button>
      </DialogActions>
    </form>
  );
}
