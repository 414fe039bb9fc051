import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  IncidentUpdateRequest,
  StakeholderStage,
} from '@openitsm/backstage-plugin-itsm-common';
import { FormEvent, useState } from 'react';
import { humanize } from '../common/humanize';
import { fillTemplate, useUpdateTemplates } from './updateTemplates';

const STAGES: StakeholderStage[] = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
];

/** Writes a stakeholder update, from a template or from scratch. */
export function StakeholderUpdateComposer(props: {
  busy: boolean;
  service: string;
  incidentRef: string;
  subscriberCount: number;
  onSubmit: (request: IncidentUpdateRequest) => Promise<boolean>;
}) {
  const templates = useUpdateTemplates();
  const [template, setTemplate] = useState('');
  const [stage, setStage] = useState<StakeholderStage>('investigating');
  const [message, setMessage] = useState('');
  const [impact, setImpact] = useState('');
  const [nextSteps, setNextSteps] = useState('');

  const pick = (name: string) => {
    setTemplate(name);
    const chosen = templates.find(t => t.name === name);
    if (!chosen) return;
    setMessage(
      fillTemplate(chosen.message, {
        service: props.service,
        ref: props.incidentRef,
      }),
    );
    if (chosen.stage) setStage(chosen.stage);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await props.onSubmit({
      audience: 'stakeholders',
      message,
      stage,
      impact: impact || undefined,
      nextSteps: nextSteps || undefined,
    });
    if (sent) {
      setMessage('');
      setImpact('');
      setNextSteps('');
      setTemplate('');
    }
  };

  return (
    <form onSubmit={submit} aria-label="Stakeholder update">
      <Box display="flex" gridGap={8} mb={1}>
        <TextField
          select
          id="itsm-update-template"
          label="Template"
          value={template}
          onChange={e => pick(e.target.value)}
          size="small"
          style={{ minWidth: 180 }}
        >
          {templates.map(t => (
            <MenuItem key={t.name} value={t.name}>
              {t.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id="itsm-update-stage"
          label="Stage"
          value={stage}
          onChange={e => setStage(e.target.value as StakeholderStage)}
          size="small"
          style={{ minWidth: 160 }}
        >
          {STAGES.map(s => (
            <MenuItem key={s} value={s}>
              {humanize(s)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <TextField
        id="itsm-update-message"
        label="Update for stakeholders"
        value={message}
        onChange={e => setMessage(e.target.value)}
        fullWidth
        multiline
        minRows={2}
        size="small"
        margin="dense"
        helperText="Written for people outside the team: what they see, not how we fix it."
      />
      <Box display="flex" gridGap={8}>
        <TextField
          id="itsm-update-impact"
          label="Impact"
          value={impact}
          onChange={e => setImpact(e.target.value)}
          fullWidth
          size="small"
          margin="dense"
        />
        <TextField
          id="itsm-update-next-steps"
          label="Next steps"
          value={nextSteps}
          onChange={e => setNextSteps(e.target.value)}
          fullWidth
          size="small"
          margin="dense"
        />
      </Box>
      <Box mt={1}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={props.busy || !message.trim()}
        >
          Send to {props.subscriberCount} subscriber
          {props.subscriberCount === 1 ? '' : 's'}
        </Button>
      </Box>
    </form>
  );
}
