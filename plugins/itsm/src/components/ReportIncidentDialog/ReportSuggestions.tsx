import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReportSuggestions as Suggestions } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { IncidentStatusLabel } from '../common/IncidentStatusLabel';
import { useIncidentLink } from '../common/useIncidentLink';
import { WorkaroundItem } from '../workarounds/WorkaroundItem';

/**
 * Before reporting on a service: its known workarounds (tick the ones you
 * applied; they are recorded on the new incident) and its open incidents that
 * read like this one, so a duplicate can be avoided.
 */
export function ReportSuggestions(props: {
  entityRef: string;
  title: string;
  description: string;
  category: string;
  applied: string[];
  onAppliedChange: (ids: string[]) => void;
}) {
  const { entityRef, category, applied, onAppliedChange } = props;
  const api = useApi(itsmApiRef);
  const incidentLink = useIncidentLink();
  // Ask again once typing pauses, not on every key
  const [text, setText] = useState({
    title: props.title,
    description: props.description,
  });
  useDebounce(
    () => setText({ title: props.title, description: props.description }),
    400,
    [props.title, props.description],
  );
  const result = useAsync(
    (): Promise<Suggestions> =>
      api.getReportSuggestions({
        entityRef,
        title: text.title.slice(0, 400) || undefined,
        description: text.description.slice(0, 2000) || undefined,
        category,
      }),
    [api, entityRef, text, category],
  );

  if (result.error) {
    return (
      <Alert severity="warning">
        Could not look for known workarounds: {errorMessage(result.error)}
      </Alert>
    );
  }
  const value = result.value;
  if (!value || (!value.workarounds.length && !value.similarIncidents.length)) {
    return null;
  }
  return (
    <Box mb={2} aria-label="Before you report" component="section">
      {value.workarounds.length > 0 && (
        <>
          <Typography variant="subtitle1">
            Known workarounds on this service
          </Typography>
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {value.workarounds.map(workaround => (
              <WorkaroundItem
                key={workaround.id}
                workaround={workaround}
                actions={
                  <FormControlLabel
                    label="I applied it"
                    control={
                      <Checkbox
                        size="small"
                        checked={applied.includes(workaround.id)}
                        onChange={e =>
                          onAppliedChange(
                            e.target.checked
                              ? [...applied, workaround.id]
                              : applied.filter(id => id !== workaround.id),
                          )
                        }
                        inputProps={{
                          'aria-label': `I applied ${workaround.ref}`,
                        }}
                      />
                    }
                  />
                }
              />
            ))}
          </Box>
        </>
      )}
      {value.similarIncidents.length > 0 && (
        <>
          <Typography variant="subtitle1">
            Similar open incidents — is yours already reported?
          </Typography>
          <Box component="ul" m={0} pl={2} aria-label="Similar open incidents">
            {value.similarIncidents.map(incident => (
              <li key={incident.id}>
                <Box display="flex" alignItems="center" gridGap={8}>
                  <Link to={incidentLink(incident)}>{incident.ref}</Link>
                  <Typography variant="body2">{incident.title}</Typography>
                  <IncidentStatusLabel status={incident.status} />
                </Box>
              </li>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}
