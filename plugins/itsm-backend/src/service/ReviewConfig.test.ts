import { ConfigReader } from '@backstage/config';
import { readReviewConfig } from './ReviewConfig';

describe('itsm.reviews', () => {
  it('needs a review of major incidents only, by default', () => {
    expect(readReviewConfig(undefined)).toEqual({
      requiredForPriorities: [],
      reviewersGroup: undefined,
      overdueCheckMinutes: 15,
    });
  });

  it('reads priorities, the reviewers group and the overdue check', () => {
    expect(
      readReviewConfig(
        new ConfigReader({
          requiredForPriorities: ['P1', 'P2'],
          reviewersGroup: 'incident-managers',
          overdueCheckMinutes: 5,
        }),
      ),
    ).toEqual({
      requiredForPriorities: ['P1', 'P2'],
      reviewersGroup: 'group:default/incident-managers',
      overdueCheckMinutes: 5,
    });
  });

  it.each`
    config                                      | message
    ${{ requiredForPriorities: ['P9'] }}        | ${'itsm.reviews.requiredForPriorities[0]: "P9" is not one of P1, P2, P3, P4, P5'}
    ${{ reviewersGroup: 'user:default/alice' }} | ${'itsm.reviews.reviewersGroup: "user:default/alice" is not a group ref'}
    ${{ overdueCheckMinutes: 0 }}               | ${/itsm.reviews.overdueCheckMinutes/}
  `('fails start-up naming the key: $message', ({ config, message }) => {
    expect(() => readReviewConfig(new ConfigReader(config))).toThrow(message);
  });
});
