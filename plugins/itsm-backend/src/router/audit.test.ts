import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { spec } from '../schema/openapi.generated';
import { AuditEventId } from './audit';

jest.setTimeout(30_000);

const entities: Entity[] = [
  ['Component', 'payments-api'],
  ['Group', 'payments-team'],
].map(([kind, name]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
}));

const SERVICE = 'component:default/payments-api';
const GROUP = 'group:default/payments-team';

/** Every write in the spec, a request the validator accepts, its event. */
const writes: Array<{
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  url: string;
  body?: object;
  eventId: AuditEventId;
}> = [
  {
    method: 'post',
    path: '/incidents',
    url: '/incidents',
    body: {
      title: 'Card payments failing',
      affectedServices: [SERVICE],
      category: 'availability',
      impact: 'high',
      urgency: 'high',
    },
    eventId: 'incident-create',
  },
  {
    method: 'patch',
    path: '/incidents/{id}',
    url: '/incidents/INC-9999',
    body: { version: 1, title: 'Renamed' },
    eventId: 'incident-update',
  },
  {
    method: 'post',
    path: '/incidents/{id}/updates',
    url: '/incidents/INC-9999/updates',
    body: { message: 'Still investigating' },
    eventId: 'incident-add-update',
  },
  {
    method: 'put',
    path: '/incidents/{id}/cause',
    url: '/incidents/INC-9999/cause',
    body: { change: null },
    eventId: 'incident-set-cause',
  },
  {
    method: 'post',
    path: '/changes',
    url: '/changes',
    body: {
      title: 'Upgrade payments database',
      type: 'normal',
      risk: 'low',
      affectedServices: [SERVICE],
      plannedStart: '2030-01-01T10:00:00Z',
      plannedEnd: '2030-01-01T12:00:00Z',
    },
    eventId: 'change-create',
  },
  {
    method: 'patch',
    path: '/changes/{id}',
    url: '/changes/CHG-9999',
    body: { version: 1, title: 'Renamed' },
    eventId: 'change-update',
  },
  {
    method: 'post',
    path: '/changes/{id}/approvals',
    url: '/changes/CHG-9999/approvals',
    body: { decision: 'approved' },
    eventId: 'change-decide',
  },
  {
    method: 'post',
    path: '/changes/{id}/incidents',
    url: '/changes/CHG-9999/incidents',
    body: { incident: 'INC-9999' },
    eventId: 'change-link-incident',
  },
  {
    method: 'delete',
    path: '/changes/{id}/incidents/{incident}',
    url: '/changes/CHG-9999/incidents/INC-9999',
    eventId: 'change-unlink-incident',
  },
  {
    method: 'post',
    path: '/problems',
    url: '/problems',
    body: { title: 'Database too old', affectedServices: [SERVICE] },
    eventId: 'problem-create',
  },
  {
    method: 'patch',
    path: '/problems/{id}',
    url: '/problems/PRB-9999',
    body: { version: 1, title: 'Renamed' },
    eventId: 'problem-update',
  },
  {
    method: 'post',
    path: '/problems/{id}/incidents',
    url: '/problems/PRB-9999/incidents',
    body: { version: 1, link: ['INC-9999'] },
    eventId: 'problem-link-incidents',
  },
  {
    method: 'post',
    path: '/problems/{id}/changes',
    url: '/problems/PRB-9999/changes',
    body: { version: 1, link: ['CHG-9999'] },
    eventId: 'problem-link-changes',
  },
  {
    method: 'post',
    path: '/problem-proposals/{id}/accept',
    url: '/problem-proposals/nope/accept',
    eventId: 'problem-proposal-accept',
  },
  {
    method: 'post',
    path: '/problem-proposals/{id}/dismiss',
    url: '/problem-proposals/nope/dismiss',
    eventId: 'problem-proposal-dismiss',
  },
  {
    method: 'post',
    path: '/workarounds',
    url: '/workarounds',
    body: {
      title: 'Restart the pool',
      steps: 'kubectl rollout restart',
      affectedServices: [SERVICE],
    },
    eventId: 'workaround-create',
  },
  {
    method: 'patch',
    path: '/workarounds/{id}',
    url: '/workarounds/WA-9999',
    body: { version: 1, title: 'Renamed' },
    eventId: 'workaround-update',
  },
  {
    method: 'post',
    path: '/workarounds/{id}/uses',
    url: '/workarounds/WA-9999/uses',
    body: { incidentId: 'INC-9999' },
    eventId: 'workaround-apply',
  },
  {
    method: 'post',
    path: '/schedules',
    url: '/schedules',
    body: {
      name: 'payments-primary',
      ownerGroup: GROUP,
      timezone: 'Europe/Paris',
      layers: [
        {
          name: 'primary',
          users: ['user:default/alice'],
          rotation: { type: 'weekly' },
          handoffTime: '09:00',
          startDate: '2030-01-07',
        },
      ],
    },
    eventId: 'oncall-schedule-create',
  },
  {
    method: 'patch',
    path: '/schedules/{id}',
    url: '/schedules/nope',
    body: { version: 1, name: 'renamed' },
    eventId: 'oncall-schedule-update',
  },
  {
    method: 'put',
    path: '/escalation-policies/{namespace}/{name}',
    url: '/escalation-policies/default/payments-team',
    body: {
      levels: [
        { afterMinutes: 0, targets: [{ type: 'group', groupRef: GROUP }] },
      ],
    },
    eventId: 'escalation-policy-put',
  },
  ...['alertmanager', 'pagerduty', 'grafana', 'generic'].map(source => ({
    method: 'post' as const,
    path: `/ingest/${source}`,
    url: `/ingest/${source}`,
    body: {},
    eventId: 'alert-ingest' as const,
  })),
  {
    method: 'post',
    path: '/incidents/{id}/major',
    url: '/incidents/INC-9999/major',
    body: { reason: 'Payments down' },
    eventId: 'incident-declare-major',
  },
  {
    method: 'put',
    path: '/incidents/{id}/roles',
    url: '/incidents/INC-9999/roles',
    body: { roles: [] },
    eventId: 'incident-set-roles',
  },
  {
    method: 'post',
    path: '/incidents/{id}/subscribers',
    url: '/incidents/INC-9999/subscribers',
    body: {},
    eventId: 'incident-subscribe',
  },
  {
    method: 'delete',
    path: '/incidents/{id}/subscribers',
    url: '/incidents/INC-9999/subscribers',
    eventId: 'incident-unsubscribe',
  },
  {
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/subscribers',
    url: '/entities/component/default/payments-api/subscribers',
    body: {},
    eventId: 'service-subscribe',
  },
  {
    method: 'delete',
    path: '/entities/{kind}/{namespace}/{name}/subscribers',
    url: '/entities/component/default/payments-api/subscribers',
    eventId: 'service-unsubscribe',
  },
  {
    method: 'put',
    path: '/incidents/{id}/review',
    url: '/incidents/INC-9999/review',
    body: { sections: { summary: 'Payments failed' } },
    eventId: 'review-put',
  },
  {
    method: 'post',
    path: '/incidents/{id}/review/approvals',
    url: '/incidents/INC-9999/review/approvals',
    body: {},
    eventId: 'review-approve',
  },
  {
    method: 'post',
    path: '/action-items',
    url: '/action-items',
    body: {
      title: 'Alert on pool saturation',
      owner: GROUP,
      dueDate: '2026-12-31',
      incident: 'INC-9999',
    },
    eventId: 'action-item-create',
  },
  {
    method: 'patch',
    path: '/action-items/{id}',
    url: '/action-items/ACT-9999',
    body: { version: 1, status: 'done' },
    eventId: 'action-item-update',
  },
  {
    method: 'post',
    path: '/action-items/{id}/convert',
    url: '/action-items/ACT-9999/convert',
    body: { to: 'problem' },
    eventId: 'action-item-convert',
  },
];

describe('auditing', () => {
  it('lists every write route of the spec', () => {
    const inSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
      ['post', 'put', 'patch', 'delete']
        .filter(method => method in item)
        .map(method => `${method} ${path}`),
    );
    expect(writes.map(w => `${w.method} ${w.path}`).sort()).toEqual(
      inSpec.sort(),
    );
  });

  // Denied (403) or unknown (404): every write fails inside its audit event
  it('records each write, failed ones with their error', async () => {
    const auditor = mockServices.auditor.mock();
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        auditor.factory,
      ],
    });
    for (const { method, path, url, body, eventId } of writes) {
      auditor.createEvent.mockClear();
      const route = `${method} ${path}`;
      const res = await request(server)[method](`/api/itsm${url}`).send(body);
      expect({ route, status: res.status }).toEqual({
        route,
        status: res.status === 404 ? 404 : 403,
      });
      expect(auditor.createEvent).toHaveBeenCalledTimes(1);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId, severityLevel: 'medium' }),
      );
      const event = await auditor.createEvent.mock.results[0].value;
      expect(event.fail).toHaveBeenCalledWith({ error: expect.any(Error) });
      expect(event.success).not.toHaveBeenCalled();
    }
  });

  it('records success with the ref and version of the record', async () => {
    const auditor = mockServices.auditor.mock();
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        auditor.factory,
      ],
    });
    const successOf = async (eventId: AuditEventId) => {
      const i = auditor.createEvent.mock.calls.findIndex(
        ([options]) => options.eventId === eventId,
      );
      const event = await auditor.createEvent.mock.results[i].value;
      return event.success.mock.calls[0][0];
    };
    const api = request(server);
    await api.post('/api/itsm/incidents').send(writes[0].body);
    await api
      .post('/api/itsm/incidents/INC-1001/updates')
      .send({ message: 'Rolled back the deploy' });
    await api
      .patch('/api/itsm/incidents/INC-1001')
      .set('If-Match', 'W/"1"')
      .send({ status: 'acknowledged' });

    expect(await successOf('incident-create')).toEqual({
      meta: { ref: 'INC-1001' },
    });
    expect(await successOf('incident-add-update')).toEqual({
      meta: { ref: 'INC-1001', timelineEventId: expect.any(String) },
    });
    expect(await successOf('incident-update')).toEqual({
      meta: { ref: 'INC-1001', version: 2 },
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'incident-update',
        meta: { id: 'INC-1001' },
        request: expect.anything(),
      }),
    );
  });

  it('names the resource when If-Match is not a version', async () => {
    const { server } = await startTestBackend({
      features: [itsmPlugin, catalogServiceMock.factory({ entities })],
    });
    await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Database too old', affectedServices: [SERVICE] });
    const res = await request(server)
      .patch('/api/itsm/problems/PRB-1001')
      .set('If-Match', 'x')
      .send({ title: 'Renamed' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `If-Match must be the problem's version number, got "x"`,
    );
  });
});
