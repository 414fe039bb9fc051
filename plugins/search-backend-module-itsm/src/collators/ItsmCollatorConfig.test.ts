import { mockServices } from '@backstage/backend-test-utils';
import { readItsmCollatorConfig } from './ItsmCollatorConfig';

const read = (itsm?: object) =>
  readItsmCollatorConfig(
    mockServices.rootConfig({
      data: itsm ? { search: { collators: { itsm } } } : {},
    }),
  );

describe('readItsmCollatorConfig', () => {
  it("defaults to Backstage collators' schedule, 90 days of incidents and the demo's routes", () => {
    expect(read()).toEqual({
      schedule: {
        frequency: { minutes: 10 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 3 },
      },
      incidentWindowDays: 90,
      pageSize: 200,
      itsmPath: '/itsm',
      catalogPath: '/catalog',
    });
  });

  it('reads the schedule and the options, without trailing slashes', () => {
    expect(
      read({
        schedule: { frequency: { seconds: 30 }, timeout: { minutes: 5 } },
        incidentWindowDays: 30,
        pageSize: 500,
        itsmPath: '/service-management/',
        catalogPath: '/software/',
      }),
    ).toEqual({
      schedule: { frequency: { seconds: 30 }, timeout: { minutes: 5 } },
      incidentWindowDays: 30,
      pageSize: 500,
      itsmPath: '/service-management',
      catalogPath: '/software',
    });
  });

  it('names the key of a value the ITSM API would refuse', () => {
    expect(() => read({ pageSize: 1000 })).toThrow(
      /search\.collators\.itsm\.pageSize must be a whole number from 1 to 500/,
    );
    expect(() => read({ incidentWindowDays: -1 })).toThrow(
      /search\.collators\.itsm\.incidentWindowDays/,
    );
  });
});
