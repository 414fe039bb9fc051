import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { useCatalogRefs } from '../common/useCatalogRefs';
import { useProblemLink } from '../common/useProblemLink';
import { TitleDescriptionFields } from '../common/TitleDescriptionFields';

/**
 * Open a problem from scratch or from incidents (linked at once); its page
 * opens once created.
 */
export function OpenProblemDialog(props: {
  open: boolean;
  onClose: () => void;
  incidents?: Pick<Incident, 'id' | 'ref' | 'title'>[];
  /** Preselected as an affected service when no incident is given. */
  entityRef?: string;
}) {
  const { open, onClose } = props;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      {open && <OpenProblemForm {...props} />}
    </Dialog>
  );
}

function OpenProblemForm(props: {
  onClose: () => void;
  incidents?: Pick<Incident, 'id' | 'ref' | 'title'>[];
  entityRef?: string;
}) {
  const incidents = props.incidents ?? [];
  const api = useApi(itsmApiRef);
  const navigate = useNavigate();
  const problemLink = useProblemLink();
  const groups = useCatalogRefs('group');
  const components = useCatalogRefs('component');
  const [title, setTitle] = useState(
    incidents.length === 1 ? incidents[0].title : '',
  );
  const [description, setDescription] = useState('');
  const [ownerGroup, setOwnerGroup] = useState<string | null>(null);
  const [services, setServices] = useState<string[]>(
    !incidents.length && props.entityRef ? [props.entityRef] : [],
  );
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      const problem = await api.createProblem({
        title,
        description,
        incidentIds: incidents.map(i => i.id),
        affectedServices: services.length ? services : undefined,
        ownerGroup: ownerGroup ?? undefined,
      });
      navigate(problemLink(problem));
    } catch (e) {
      setError(errorMessage(e));
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>Open problem</DialogTitle>
      <DialogContent>
        {error && (
          <Box mb={2}>
            <Alert severity="error">{error}</Alert>
          </Box>
        )}
        {incidents.length > 0 && (
          <Typography variant="body2" aria-label="Incidents to link">
            Links {incidents.map(i => i.ref).join(', ')}; their services are
            affected.
          </Typography>
        )}
        <TitleDescriptionFields
          idPrefix="itsm-problem"
          title={title}
          onTitleChange={setTitle}
          description={description}
          onDescriptionChange={setDescription}
        />
        <Autocomplete
          id="itsm-problem-services"
          multiple
          options={components.value ?? []}
          loading={components.loading}
          value={services}
          onChange={(_e, value) => setServices(value)}
          renderInput={params => (
            <TextField
              {...params}
              label={
                incidents.length
                  ? 'Other affected services'
                  : 'Affected services'
              }
              margin="dense"
            />
          )}
        />
        <Autocomplete
          id="itsm-problem-owner"
          options={groups.value ?? []}
          loading={groups.loading}
          value={ownerGroup}
          onChange={(_e, value) => setOwnerGroup(value)}
          renderInput={params => (
            <TextField {...params} label="Owner group" margin="dense" />
          )}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={submitting || !title.trim()}
        >
          Open problem
        </Button>
      </DialogActions>
    </form>
  );
}
