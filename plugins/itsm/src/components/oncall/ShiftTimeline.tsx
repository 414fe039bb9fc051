import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import { useTheme } from '@material-ui/core/styles';
import { OnCallShift } from '@openitsm/backstage-plugin-itsm-common';
import { formatInZone } from './localDateTime';

/** One layer's shifts as a bar over the window, a colour per user. */
export function ShiftTimeline(props: {
  shifts: OnCallShift[];
  users: string[];
  fromMs: number;
  toMs: number;
}) {
  const theme = useTheme();
  const palette = [
    theme.palette.primary.light,
    theme.palette.secondary.light,
    theme.palette.success.light,
    theme.palette.warning.light,
    theme.palette.info.light,
    theme.palette.error.light,
  ];
  const span = props.toMs - props.fromMs;
  const percent = (ms: number) =>
    `${(Math.max(0, Math.min(span, ms - props.fromMs)) / span) * 100}%`;
  return (
    <Box
      position="relative"
      height={24}
      bgcolor={theme.palette.action.hover}
      borderRadius={4}
      overflow="hidden"
      aria-hidden
    >
      {props.shifts.map(shift => {
        const fromMs = Date.parse(shift.from);
        const toMs = Date.parse(shift.to);
        const index = props.users.indexOf(shift.user);
        return (
          <Tooltip
            key={`${shift.from}-${shift.user}`}
            title={`${shift.user} · ${formatInZone(
              shift.from,
            )} – ${formatInZone(shift.to)}${
              shift.source === 'override' ? ' (override)' : ''
            }`}
          >
            <Box
              position="absolute"
              top={0}
              bottom={0}
              left={percent(fromMs)}
              width={`calc(${percent(toMs)} - ${percent(fromMs)})`}
              bgcolor={
                shift.source === 'override'
                  ? theme.palette.warning.main
                  : palette[Math.max(0, index) % palette.length]
              }
              borderRight={`1px solid ${theme.palette.background.paper}`}
            />
          </Tooltip>
        );
      })}
    </Box>
  );
}
