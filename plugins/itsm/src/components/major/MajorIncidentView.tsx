import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  Incident,
  itsmIncidentMajorPermission,
  MajorIncident,
  stakeholderUpdateTiming,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ActionDialog } from '../common/ActionDialog';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { formatCountdown, formatDateTime } from '../common/formatTime';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { useAllowed } from '../common/useAllowed';
import { useRecordActions } from '../common/useRecordActions';
import { useSignedInUser } from '../oncall/useSignedInUser';
import { BlastRadiusList } from './BlastRadiusList';
import { CrisisCell } from './CrisisCell';
import { StakeholderUpdateComposer } from './StakeholderUpdateComposer';
import { StakeholderUpdateList } from './StakeholderUpdateList';
import { SubscriberList } from './SubscriberList';

/**
 * The major-incident side of an incident page: the proposal and the
 * declaration, the crisis cell, subscribers, stakeholder updates with their
 * cadence, and the blast radius from the catalog.
 */
export function MajorIncidentView(props: {
  incident: Incident;
  /** Called after a change, to reload the incident and its timeline. */
  onChanged: () => void;
}) {
  const { incident } = props;
  const api = useApi(itsmApiRef);
  const me = useSignedInUser();
  const major = useAsyncRetry(
    () => api.getMajorIncident(incident.id),
    [api, incident.id, incident.version],
  );
  const { busy, error, clearError, run } = useRecordActions({
    reload: () => {
      major.retry();
      props.onChanged();
    },
    staleMessage:
      'This incident was changed by someone else; reload to see the latest and try again.',
  });
  const [dialog, setDialog] = useState<'declare' | 'withdraw'>();
  // Declaring and withdrawing take itsm.incident.major; the crisis cell's
  // commander may act on the rest without it (the backend decides).
  const mayDeclare = useAllowed(itsmIncidentMajorPermission, incident.id);

  if (major.loading && !major.value) {
    return (
      <InfoCard title="Major incident">
        <Progress />
      </InfoCard>
    );
  }
  if (major.error) {
    return (
      <InfoCard title="Major incident">
        <ReadErrorPanel error={major.error} />
      </InfoCard>
    );
  }
  const view = major.value!;
  const service = incident.affectedServices[0]?.replace(/^[^/]*\//, '') ?? '';
  const closed = ['resolved', 'closed', 'cancelled'].includes(incident.status);

  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" gridGap={8}>
          Major incident
          {view.major && <Chip size="small" color="secondary" label="MAJOR" />}
        </Box>
      }
      action={
        <Box mt={1} mr={1}>
          {!mayDeclare ? null : view.major ? (
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => setDialog('withdraw')}
            >
              Withdraw
            </Button>
          ) : (
            !closed && (
              <Button
                variant="contained"
                color="secondary"
                disabled={busy}
                onClick={() => setDialog('declare')}
              >
                Declare major incident
              </Button>
            )
          )}
        </Box>
      }
    >
      <Grid container spacing={2}>
        {error && (
          <Grid item xs={12}>
            <ActionErrorAlert
              error={error}
              onReload={() => {
                clearError();
                major.retry();
                props.onChanged();
              }}
            />
          </Grid>
        )}
        {!view.major && view.proposal.proposed && !closed && (
          <Grid item xs={12}>
            <Alert severity="warning">
              Consider declaring a major incident:{' '}
              {view.proposal.reasons.join('; ')}.
            </Alert>
          </Grid>
        )}
        {view.major && (
          <>
            <Grid item xs={12}>
              <DeclarationSummary view={view} />
              {closed && (
                <Box mt={1}>
                  <Alert severity="info">
                    A major incident needs its post-incident review before it is
                    closed.
                  </Alert>
                </Box>
              )}
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="h6" gutterBottom>
                Crisis cell
              </Typography>
              <CrisisCell
                major={view}
                busy={busy}
                onSave={request =>
                  run(() => api.putIncidentRoles(incident.id, request))
                }
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="h6" gutterBottom>
                Subscribers
              </Typography>
              <SubscriberList
                subscribers={view.subscribers}
                me={me?.toLocaleLowerCase('en-US')}
                busy={busy}
                onSubscribe={subscriber =>
                  run(() => api.subscribeToIncident(incident.id, subscriber))
                }
                onUnsubscribe={subscriber =>
                  run(() =>
                    api.unsubscribeFromIncident(incident.id, subscriber),
                  )
                }
              />
            </Grid>
          </>
        )}
        <Grid item xs={12} md={view.major ? 7 : 12}>
          <Typography variant="h6" gutterBottom>
            Stakeholder updates
          </Typography>
          {!closed && (
            <Box mb={2}>
              <StakeholderUpdateComposer
                busy={busy}
                service={service}
                incidentRef={incident.ref}
                subscriberCount={view.subscribers.length}
                onSubmit={request =>
                  run(() =>
                    api.addIncidentUpdate(
                      incident.id,
                      request.message,
                      request,
                    ),
                  )
                }
              />
            </Box>
          )}
          <StakeholderUpdateList updates={view.updates} />
        </Grid>
        <Grid item xs={12} md={view.major ? 5 : 12}>
          <Typography variant="h6" gutterBottom>
            Blast radius
          </Typography>
          <BlastRadiusList blastRadius={view.blastRadius} />
        </Grid>
      </Grid>
      {dialog && (
        <DeclareDialog
          declare={dialog === 'declare'}
          busy={busy}
          onClose={() => setDialog(undefined)}
          onConfirm={async (reason, bridgeUrl) => {
            const done = await run(() =>
              api.declareMajorIncident(incident.id, {
                major: dialog === 'declare',
                reason,
                bridgeUrl,
              }),
            );
            if (done) setDialog(undefined);
          }}
        />
      )}
    </InfoCard>
  );
}

function DeclarationSummary(props: { view: MajorIncident }) {
  const { view } = props;
  const timing = stakeholderUpdateTiming(view, new Date().toISOString());
  return (
    <Box display="flex" flexWrap="wrap" gridGap={24}>
      <Typography variant="body2">
        Declared {formatDateTime(view.declaredAt)} by{' '}
        {view.declaredBy?.replace(/^user:default\//, '')}: {view.reason}
      </Typography>
      <Typography variant="body2">
        Last stakeholder update:{' '}
        {timing.sinceLastMinutes === undefined
          ? 'none yet'
          : `${timing.sinceLastMinutes} min ago`}
      </Typography>
      {view.nextUpdateDueAt && (
        <Typography
          variant="body2"
          color={timing.overdue ? 'error' : 'textPrimary'}
        >
          Next update due {formatCountdown(view.nextUpdateDueAt)}
          {view.cadenceMinutes ? ` (every ${view.cadenceMinutes} min)` : ''}
        </Typography>
      )}
    </Box>
  );
}

function DeclareDialog(props: {
  declare: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: (reason: string, bridgeUrl?: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [bridgeUrl, setBridgeUrl] = useState('');
  return (
    <ActionDialog
      open
      title={
        props.declare
          ? 'Declare a major incident'
          : 'Withdraw the major incident'
      }
      confirmLabel={props.declare ? 'Declare' : 'Withdraw'}
      disabled={props.busy || !reason.trim()}
      onClose={props.onClose}
      onConfirm={() =>
        props.onConfirm(reason.trim(), bridgeUrl.trim() || undefined)
      }
    >
      {props.declare && (
        <Typography variant="body2" paragraph>
          Everyone on call for the affected services is paged; the owners of the
          affected services and of the services that depend on them, and
          management, are subscribed to stakeholder updates.
        </Typography>
      )}
      <TextField
        id="itsm-major-reason"
        label="Reason"
        value={reason}
        onChange={e => setReason(e.target.value)}
        fullWidth
        multiline
        required
        margin="dense"
      />
      {props.declare && (
        <TextField
          id="itsm-major-bridge"
          label="Bridge or chat link"
          value={bridgeUrl}
          onChange={e => setBridgeUrl(e.target.value)}
          fullWidth
          margin="dense"
          placeholder="https://meet.example.com/…"
        />
      )}
    </ActionDialog>
  );
}
