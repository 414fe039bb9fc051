import { StatusAborted } from '@backstage/core-components';
import { ComponentType, ReactNode } from 'react';
import { humanize } from './humanize';

type StatusIcon = ComponentType<{ children?: ReactNode }>;

/** Which Backstage status icon (StatusOK, StatusRunning…) each status gets. */
export type StatusIcons<S extends string> = Record<S, StatusIcon>;

/** A status in words with its icon; an unknown status reads as aborted. */
export function StatusLabel<S extends string>(props: {
  status: S;
  icons: StatusIcons<S>;
}) {
  const Icon: StatusIcon = props.icons[props.status] ?? StatusAborted;
  // One line: a status broken mid-word in a narrow column reads as two.
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Icon>{humanize(props.status)}</Icon>
    </span>
  );
}
