import {
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import {
  ActionItemStatus,
  ReviewStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { StatusIcons, StatusLabel } from '../common/StatusLabel';
import { StatusAborted } from '@backstage/core-components';

const REVIEW_ICONS: StatusIcons<ReviewStatus> = {
  draft: StatusPending,
  in_review: StatusRunning,
  published: StatusOK,
};

const ITEM_ICONS: StatusIcons<ActionItemStatus> = {
  open: StatusPending,
  in_progress: StatusRunning,
  done: StatusOK,
  cancelled: StatusAborted,
};

/** A review's status in words with its icon; `To write` when none exists. */
export function ReviewStatusLabel(props: { status?: ReviewStatus }) {
  if (!props.status) {
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        <StatusWarning>To write</StatusWarning>
      </span>
    );
  }
  return <StatusLabel status={props.status} icons={REVIEW_ICONS} />;
}

/** An action item's status; overdue ones say so. */
export function ActionItemStatusLabel(props: {
  status: ActionItemStatus;
  overdue: boolean;
}) {
  if (props.overdue) {
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        <StatusWarning>Overdue</StatusWarning>
      </span>
    );
  }
  return <StatusLabel status={props.status} icons={ITEM_ICONS} />;
}
