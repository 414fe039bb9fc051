import { OnCallLayer } from '@openitsm/backstage-plugin-itsm-common';
import { DateTime } from 'luxon';

/** A fresh weekly layer starting today in `timezone`, Monday 09:00 handoffs. */
export function newLayer(name: string, timezone: string): OnCallLayer {
  return {
    name,
    users: [],
    rotation: { type: 'weekly' },
    handoffTime: '09:00',
    handoffWeekday: 1,
    startDate: DateTime.now().setZone(timezone).toISODate() ?? '',
  };
}
