import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { itsmReviewUpdatePermission } from '@openitsm/backstage-plugin-itsm-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { useAllowed } from '../common/useAllowed';
import { useRecordActions } from '../common/useRecordActions';
import { ActionItemTable } from './ActionItemTable';

/**
 * The pending action items of some owners (a group, a user), overdue first,
 * with their status moves for those allowed to make them.
 */
export function ActionItemsCard(props: { owners: string[]; title?: string }) {
  const api = useApi(itsmApiRef);
  const key = props.owners.join(',');
  const items = useAsyncRetry(
    async () =>
      props.owners.length
        ? api.listActionItems({
            owner: props.owners,
            status: ['open', 'in_progress'],
            limit: 50,
          })
        : { items: [] },
    [api, key],
  );
  const canUpdate = useAllowed(itsmReviewUpdatePermission);
  const { busy, error, clearError, run } = useRecordActions({
    reload: items.retry,
    staleMessage:
      'This action item was changed by someone else; reload and try again.',
  });
  let content;
  if (items.loading && !items.value) content = <Progress />;
  else if (items.error) content = <ReadErrorPanel error={items.error} />;
  else {
    content = (
      <ActionItemTable
        items={items.value?.items ?? []}
        showIncident
        busy={busy}
        onMove={
          canUpdate
            ? (item, status) =>
                run(() =>
                  api.updateActionItem(item.id, {
                    version: item.version,
                    status,
                  }),
                )
            : undefined
        }
      />
    );
  }
  return (
    <InfoCard title={props.title ?? 'Action items'}>
      {error && (
        <Box mb={2}>
          <ActionErrorAlert
            error={error}
            onReload={() => {
              clearError();
              items.retry();
            }}
          />
        </Box>
      )}
      {content}
    </InfoCard>
  );
}

/** The action items a group or user entity owns, for its page. */
export function EntityActionItemsCard() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  return <ActionItemsCard owners={[ref]} title="Action items" />;
}

/** The signed-in user's own action items. */
export function MyActionItemsCard() {
  const identity = useApi(identityApiRef);
  const me = useAsync(async () => {
    const { userEntityRef } = await identity.getBackstageIdentity();
    return userEntityRef.toLocaleLowerCase('en-US');
  }, [identity]);
  if (me.loading) return <Progress />;
  return (
    <ActionItemsCard
      owners={me.value ? [me.value] : []}
      title="My action items"
    />
  );
}
