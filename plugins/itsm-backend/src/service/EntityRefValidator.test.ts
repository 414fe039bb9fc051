import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { EntityRefValidator, serviceCheck } from './EntityRefValidator';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const catalog = catalogServiceMock({
  entities: [
    entity('Component', 'payments-api'),
    entity('Resource', 'payments-db'),
    entity('System', 'payments'),
    entity('API', 'payments-rest'),
    entity('User', 'alice'),
    entity('Group', 'sre'),
    entity('Domain', 'finance'),
  ],
});
const credentials = mockCredentials.user();

describe('EntityRefValidator: which kinds may be an affected service', () => {
  const validator = new EntityRefValidator(catalog);

  it.each([
    ['payments-api', 'component:default/payments-api'],
    ['resource:default/payments-db', 'resource:default/payments-db'],
    ['System:payments', 'system:default/payments'],
    ['api:payments-rest', 'api:default/payments-rest'],
  ])('accepts %s by default', async (ref, normalized) => {
    await expect(
      validator.validate(
        [serviceCheck('affectedServices[0]', ref)],
        credentials,
      ),
    ).resolves.toEqual([normalized]);
  });

  it.each(['user:default/alice', 'group:sre', 'domain:finance'])(
    'refuses %s by default, naming the field and the kinds',
    async ref => {
      await expect(
        validator.validate(
          [serviceCheck('affectedServices[0]', ref)],
          credentials,
        ),
      ).rejects.toThrow(
        `affectedServices[0]: "${ref}" must be a component, resource, system or api entity`,
      );
    },
  );

  it('takes the kinds from configuration', async () => {
    const componentsOnly = new EntityRefValidator(catalog, ['component']);
    await expect(
      componentsOnly.validate(
        [serviceCheck('affectedServices[1]', 'system:payments')],
        credentials,
      ),
    ).rejects.toThrow(
      'affectedServices[1]: "system:payments" must be a component entity',
    );
  });
});
