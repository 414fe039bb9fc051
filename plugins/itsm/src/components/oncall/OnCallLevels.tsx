import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { OnCallLevel } from '@openitsm/backstage-plugin-itsm-common';
import { OnCallPersonView } from './OnCallPersonView';
import { ShiftTime } from './ShiftTime';

/** Who is on call at each escalation level, until when, and who comes next. */
export function OnCallLevels(props: { levels: OnCallLevel[]; now: number }) {
  const { levels, now } = props;
  return (
    <List dense disablePadding>
      {levels.map(level => (
        <ListItem
          key={level.level}
          divider
          disableGutters
          aria-label={`Level ${level.level}: ${level.name}`}
        >
          <Box width="100%">
            <Box display="flex" alignItems="center" gridGap={8}>
              <Typography variant="subtitle2">
                Level {level.level} · {level.name}
              </Typography>
              {level.shiftSource === 'override' && (
                <Chip size="small" label="override" />
              )}
            </Box>
            {level.people.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                Nobody on call
              </Typography>
            ) : (
              level.people.map((person, i) => (
                <OnCallPersonView
                  key={person.userRef ?? `${person.displayName}-${i}`}
                  person={person}
                />
              ))
            )}
            {level.until && (
              <Typography variant="body2" color="textSecondary">
                {level.people.length === 0 ? 'Nobody until ' : 'Until '}
                <ShiftTime iso={level.until} now={now} />
              </Typography>
            )}
            {level.next && (
              <Box
                display="flex"
                alignItems="center"
                gridGap={4}
                flexWrap="wrap"
              >
                <Typography variant="body2" color="textSecondary">
                  Next:
                </Typography>
                <OnCallPersonView person={level.next.person} />
                <Typography variant="body2" color="textSecondary">
                  from <ShiftTime iso={level.next.from} now={now} />
                </Typography>
              </Box>
            )}
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
