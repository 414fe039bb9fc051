import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import ChatIcon from '@material-ui/icons/Chat';
import EmailIcon from '@material-ui/icons/Email';
import PersonIcon from '@material-ui/icons/Person';
import { OnCallPerson } from '@openitsm/backstage-plugin-itsm-common';

/** A person on call: their catalog page when they have one, and how to reach them. */
export function OnCallPersonView(props: { person: OnCallPerson }) {
  const { person } = props;
  return (
    <Box display="flex" alignItems="center" gridGap={4} flexWrap="wrap">
      <Typography variant="body1" component="span">
        {person.userRef ? (
          <EntityRefLink entityRef={person.userRef} defaultKind="user">
            {person.displayName}
          </EntityRefLink>
        ) : (
          person.displayName
        )}
      </Typography>
      {person.email && (
        <IconButton
          size="small"
          component="a"
          href={`mailto:${person.email}`}
          aria-label={`Email ${person.displayName}`}
          title={person.email}
        >
          <EmailIcon fontSize="small" />
        </IconButton>
      )}
      {person.chatUrl && (
        <IconButton
          size="small"
          component="a"
          href={person.chatUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Chat with ${person.displayName}`}
        >
          <ChatIcon fontSize="small" />
        </IconButton>
      )}
      {person.profileUrl && (
        <IconButton
          size="small"
          component="a"
          href={person.profileUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Profile of ${person.displayName}`}
        >
          <PersonIcon fontSize="small" />
        </IconButton>
      )}
    </Box>
  );
}
