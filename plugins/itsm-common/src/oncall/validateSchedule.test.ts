import { OnCallSchedule } from './types';
import { validateOnCallSchedule } from './validateSchedule';

const VALID: OnCallSchedule = {
  name: 'payments',
  timezone: 'Europe/Paris',
  layers: [
    {
      name: 'primary',
      users: ['user:default/alice', 'user:default/bob'],
      rotation: { type: 'weekly' },
      handoffTime: '09:00',
      handoffWeekday: 1,
      startDate: '2026-03-02',
    },
    {
      name: 'secondary',
      users: ['user:default/carol'],
      rotation: { type: 'custom', lengthHours: 12 },
      handoffTime: '08:00',
      startDate: '2026-03-02',
    },
  ],
  overrides: [
    {
      layer: 'primary',
      user: 'user:default/carol',
      from: '2026-03-13T18:00:00+01:00',
      to: '2026-03-14T08:00:00+01:00',
    },
  ],
};

describe('validateOnCallSchedule', () => {
  it('accepts a valid schedule', () => {
    expect(validateOnCallSchedule(VALID)).toEqual([]);
  });

  it.each`
    case                     | patch                                                                                 | problem
    ${'name'}                | ${{ name: ' ' }}                                                                      | ${'name: must be a non-empty string'}
    ${'timezone'}            | ${{ timezone: 'CEST' }}                                                               | ${'timezone: "CEST" is not an IANA timezone'}
    ${'duplicate layer'}     | ${{ layers: [VALID.layers[0], VALID.layers[0]] }}                                     | ${'layers[1].name: "primary" is used twice'}
    ${'handoff time'}        | ${{ layers: [{ ...VALID.layers[0], handoffTime: '9:00' }] }}                          | ${`layers[0].handoffTime: "9:00" must be 'HH:mm' (00:00–23:59)`}
    ${'start date'}          | ${{ layers: [{ ...VALID.layers[0], startDate: '02/03/2026' }] }}                      | ${`layers[0].startDate: "02/03/2026" must be a date 'YYYY-MM-DD'`}
    ${'users'}               | ${{ layers: [{ ...VALID.layers[0], users: ['user:a', ''] }] }}                        | ${'layers[0].users: must be an array of user entity refs'}
    ${'no users'}            | ${{ layers: [{ ...VALID.layers[0], users: [] }] }}                                    | ${'layers[0].users: name at least one user to rotate'}
    ${'override on Feb 30'}  | ${{ overrides: [{ ...VALID.overrides[0], from: '2026-02-30T00:00:00Z' }] }}           | ${'overrides[0].from: "2026-02-30T00:00:00Z" is not an ISO 8601 timestamp'}
    ${'override in 9999'}    | ${{ overrides: [{ ...VALID.overrides[0], to: '9999-01-01T00:00:00Z' }] }}             | ${'overrides[0].to: "9999-01-01T00:00:00Z" is not an ISO 8601 timestamp'}
    ${'custom length'}       | ${{ layers: [{ ...VALID.layers[1], rotation: { type: 'custom', lengthHours: 0 } }] }} | ${'layers[0].rotation.lengthHours: 0 must be a positive number of hours for a custom rotation'}
    ${'override layer'}      | ${{ overrides: [{ ...VALID.overrides[0], layer: 'tertiary' }] }}                      | ${'overrides[0].layer: "tertiary" is not a layer of the schedule'}
    ${'override user'}       | ${{ overrides: [{ ...VALID.overrides[0], user: '' }] }}                               | ${'overrides[0].user: must be a user entity ref'}
    ${'override bound'}      | ${{ overrides: [{ ...VALID.overrides[0], from: 'Friday' }] }}                         | ${'overrides[0].from: "Friday" is not an ISO 8601 timestamp'}
    ${'override order'}      | ${{ overrides: [{ ...VALID.overrides[0], to: '2026-03-13T17:00:00Z' }] }}             | ${'overrides[0].to: must be after from'}
    ${'layers not an array'} | ${{ layers: undefined }}                                                              | ${'layers: must be an array'}
  `('names the field: $case', ({ patch, problem }) => {
    expect(validateOnCallSchedule({ ...VALID, ...patch })).toContain(problem);
  });

  it('reports every problem, not just the first', () => {
    expect(
      validateOnCallSchedule({
        ...VALID,
        timezone: 'Nowhere',
        overrides: [{ ...VALID.overrides[0], layer: 'x', to: 'never' }],
      }),
    ).toHaveLength(3);
  });
});
