import { isItsmAvailable, itsmPlugin } from './index';

describe('itsm plugin (legacy frontend system)', () => {
  it('is the itsm plugin with its API', () => {
    expect(itsmPlugin.getId()).toBe('itsm');
    expect([...itsmPlugin.getApis()].map(api => api.api.id)).toEqual([
      'plugin.itsm.service',
    ]);
  });

  it('is available on components only', () => {
    const entity = (kind: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'payments-api' },
    });
    expect(isItsmAvailable(entity('Component'))).toBe(true);
    expect(isItsmAvailable(entity('component'))).toBe(true);
    expect(isItsmAvailable(entity('System'))).toBe(false);
    expect(isItsmAvailable(entity('Group'))).toBe(false);
  });
});
