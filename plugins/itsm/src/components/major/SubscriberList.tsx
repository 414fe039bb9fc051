import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  IncidentSubscriber,
  SubscriberSource,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';

const SOURCE_LABELS: Record<SubscriberSource, string> = {
  manual: 'subscribed',
  owner: 'owner',
  dependent_owner: 'owns a dependent service',
  service: 'follows the service',
  management: 'management',
};

/** Who gets the stakeholder updates, and why; subscribe yourself or others. */
export function SubscriberList(props: {
  subscribers: IncidentSubscriber[];
  /** The signed-in user's ref. */
  me?: string;
  busy: boolean;
  onSubscribe: (subscriber?: string) => Promise<boolean>;
  onUnsubscribe: (subscriber?: string) => Promise<boolean>;
}) {
  const [other, setOther] = useState('');
  const subscribed = props.subscribers.some(s => s.ref === props.me);
  return (
    <Box>
      {props.subscribers.length ? (
        <Box display="flex" flexWrap="wrap" gridGap={6} mb={1}>
          {props.subscribers.map(s => (
            <Chip
              key={s.ref}
              size="small"
              variant="outlined"
              label={`${s.displayName} · ${
                SOURCE_LABELS[s.source] ?? s.source
              }`}
              title={s.ref}
              onDelete={
                props.busy ? undefined : () => props.onUnsubscribe(s.ref)
              }
            />
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary" paragraph>
          Nobody is subscribed.
        </Typography>
      )}
      <Box display="flex" gridGap={8} alignItems="center">
        <Button
          size="small"
          variant="outlined"
          disabled={props.busy}
          onClick={() =>
            subscribed ? props.onUnsubscribe() : props.onSubscribe()
          }
        >
          {subscribed ? 'Unsubscribe me' : 'Subscribe me'}
        </Button>
        <TextField
          size="small"
          id="itsm-subscriber"
          label="User or group"
          placeholder="group:default/support"
          value={other}
          onChange={e => setOther(e.target.value)}
        />
        <Button
          size="small"
          disabled={props.busy || !other.trim()}
          onClick={async () => {
            if (await props.onSubscribe(other.trim())) setOther('');
          }}
        >
          Subscribe
        </Button>
      </Box>
    </Box>
  );
}
