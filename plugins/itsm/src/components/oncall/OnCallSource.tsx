import { Link } from '@backstage/core-components';
import { OnCallResponse } from '@openitsm/backstage-plugin-itsm-common';
import { useOnCallLinks } from './useOnCallLinks';

const PROVIDER_NAMES: Record<string, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
};

/** Where an on-call answer comes from: a built-in schedule or a provider. */
export function OnCallSource(props: { onCall: OnCallResponse }) {
  const { source, scheduleId, scheduleName, url } = props.onCall;
  const links = useOnCallLinks();
  if (source === 'itsm') {
    const name = scheduleName ?? 'built-in schedule';
    return (
      <>
        Schedule:{' '}
        {scheduleId ? (
          <Link to={links.schedule(scheduleId)}>{name}</Link>
        ) : (
          name
        )}
      </>
    );
  }
  const provider = PROVIDER_NAMES[source] ?? source;
  const label = scheduleName ? `${provider}: ${scheduleName}` : provider;
  return <>Source: {url ? <Link to={url}>{label}</Link> : label}</>;
}
