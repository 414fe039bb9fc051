import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { errorMessage } from './errorMessage';

/**
 * A failed read: a refusal (403) says plainly that the permission policy
 * withholds it and which permission; anything else is Backstage's error
 * panel with the server's message.
 */
export function ReadErrorPanel(props: { error: Error }) {
  const { error } = props;
  if (error instanceof ResponseError && error.statusCode === 403) {
    return (
      <WarningPanel
        severity="info"
        title="Not shown to you"
        message={`${errorMessage(
          error,
        )}. Ask your Backstage administrators for access if you need it.`}
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}
