import { mockServices } from '@backstage/backend-test-utils';
import { createActionItemNotifier } from './actionItemNotifier';

const item = {
  id: 'a1',
  ref: 'ACT-1001',
  title: 'Alert on pool saturation',
  owner: 'group:default/sre',
  dueDate: '2026-11-25',
  status: 'open' as const,
  overdue: true,
  incidentRef: 'INC-1042',
  createdBy: 'user:default/bob',
  createdAt: '2026-11-21T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
  version: 1,
};

describe('action item notifier', () => {
  it('tells the owner, linking the incident, and a send failure does not fail the write', async () => {
    const send = jest.fn().mockResolvedValueOnce(undefined);
    const logger = mockServices.logger.mock();
    const notifier = createActionItemNotifier({ send } as any, logger);
    await notifier.notify(item, 'overdue');
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/sre' },
      payload: expect.objectContaining({
        title: 'Action item ACT-1001 is overdue: Alert on pool saturation',
        link: '/itsm/incidents/INC-1042',
        severity: 'high',
        scope: 'itsm-action-item:ACT-1001:overdue',
      }),
    });
    send.mockRejectedValueOnce(new Error('no notifications backend'));
    await notifier.notify(item, 'assigned');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Could not notify group:default\/sre about action item ACT-1001/,
      ),
    );
  });
});
