import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OnCallLayer } from '@openitsm/backstage-plugin-itsm-common';
import knexFactory from 'knex';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { CachedEntities } from './CachedEntities';
import { OnCallService } from './OnCallService';

const AT = '2026-11-20T12:00:00.000Z';

const primary: OnCallLayer = {
  name: 'primary',
  users: ['user:default/alice', 'user:default/bob'],
  rotation: { type: 'weekly' },
  handoffTime: '09:00',
  handoffWeekday: 1,
  startDate: '2026-01-05',
};

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { owner: 'group:default/payments-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { profile: { displayName: 'Alice Adams', email: 'alice@x.org' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'bob', namespace: 'default' },
    spec: { profile: { displayName: 'Bob Brown' } },
  },
];

/** Backstage's cache contract, in memory: what one replica would keep. */
function memoryCache() {
  const data = new Map<string, unknown>();
  const cache = mockServices.cache.mock({
    get: async (key: string) => data.get(key) as any,
    set: async (key: string, value: unknown) => {
      data.set(key, value);
    },
    delete: async (key: string) => {
      data.delete(key);
    },
  });
  cache.withOptions.mockReturnValue(cache);
  return { cache, data };
}

async function setUp() {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await DatabaseOnCallStore.create({
    database: { getClient: async () => knex },
  });
  await store.createSchedule(
    {
      name: 'payments-oncall',
      ownerGroup: 'group:default/payments-team',
      timezone: 'UTC',
      layers: [primary],
      overrides: [],
    },
    AT,
  );
  const catalog = catalogServiceMock({ entities });
  const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const auth = mockServices.auth();
  const { cache } = memoryCache();
  const service = new OnCallService({
    store,
    auth,
    providers: [],
    logger: mockServices.logger.mock(),
    entities: new CachedEntities({ catalog, auth, cache }),
  });
  return { service, getEntityByRef, getEntitiesByRefs, knex };
}

describe('OnCallService.getOnCall', () => {
  it('asks the catalog once per caller while warm', async () => {
    const { service, getEntityByRef, getEntitiesByRefs, knex } = await setUp();
    const credentials = mockCredentials.user('user:default/carol');

    const first = await service.getOnCall(
      'component:default/payments-api',
      AT,
      credentials,
    );
    expect(first.levels[0].people).toEqual([
      expect.objectContaining({
        userRef: 'user:default/bob',
        displayName: 'Bob Brown',
      }),
    ]);
    // Cold: the entity (plugin credentials), then the caller's look-up of
    // the entity and the people together
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs.mock.calls[0][0].entityRefs).toEqual([
      'component:default/payments-api',
      'user:default/bob',
      'user:default/alice',
    ]);
    expect(getEntitiesByRefs.mock.calls[0][1]).toEqual({ credentials });

    // Warm, same caller: no catalog round trip at all
    const again = await service.getOnCall(
      'component:default/payments-api',
      AT,
      credentials,
    );
    expect(again).toEqual(first);
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);

    // Another caller looks with their own eyes: one round trip
    const dave = mockCredentials.user('user:default/dave');
    await service.getOnCall('component:default/payments-api', AT, dave);
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
    expect(getEntitiesByRefs.mock.calls[1][1]).toEqual({ credentials: dave });
    await knex.destroy();
  });

  it('answers nothing about an entity the caller cannot see, even when cached', async () => {
    const { service, getEntitiesByRefs, knex } = await setUp();
    await service.getOnCall(
      'component:default/payments-api',
      AT,
      mockCredentials.user('user:default/carol'),
    );
    // The caller's catalog look-up does not return the service
    getEntitiesByRefs.mockResolvedValueOnce({ items: [undefined, undefined] });
    await expect(
      service.getOnCall(
        'component:default/payments-api',
        AT,
        mockCredentials.user('user:default/mallory'),
      ),
    ).rejects.toThrow(NotFoundError);
    await knex.destroy();
  });

  it('says an entity missing from the catalog is not found', async () => {
    const { service, knex } = await setUp();
    await expect(
      service.getOnCall(
        'component:default/nope',
        AT,
        mockCredentials.user('user:default/carol'),
      ),
    ).rejects.toThrow(/is not in the catalog/);
    await knex.destroy();
  });
});
