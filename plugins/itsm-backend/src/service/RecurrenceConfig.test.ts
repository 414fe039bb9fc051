import { ConfigReader } from '@backstage/config';
import { readRecurrenceConfig } from './RecurrenceConfig';

const read = (recurrence?: object) =>
  readRecurrenceConfig(
    new ConfigReader(recurrence ? { itsm: { problems: { recurrence } } } : {}),
  );

describe('itsm.problems.recurrence', () => {
  it('defaults to 3 incidents in 7 days, every 15 minutes, majors included', () => {
    expect(read()).toEqual({
      enabled: true,
      frequencyMinutes: 15,
      minIncidents: 3,
      windowDays: 7,
      titleSimilarity: 0.5,
      includeMajor: true,
    });
  });

  it('reads every key', () => {
    expect(
      read({
        enabled: false,
        frequencyMinutes: 5,
        minIncidents: 4,
        windowDays: 14,
        titleSimilarity: 0.6,
        includeMajor: false,
      }),
    ).toEqual({
      enabled: false,
      frequencyMinutes: 5,
      minIncidents: 4,
      windowDays: 14,
      titleSimilarity: 0.6,
      includeMajor: false,
    });
  });

  it.each`
    recurrence                  | message
    ${{ minIncidents: 1 }}      | ${'itsm.problems.recurrence.minIncidents must be at least 2'}
    ${{ minIncidents: 2.5 }}    | ${'itsm.problems.recurrence.minIncidents must be a positive integer, got 2.5'}
    ${{ windowDays: 0 }}        | ${'itsm.problems.recurrence.windowDays must be a positive integer, got 0'}
    ${{ titleSimilarity: 1.5 }} | ${'itsm.problems.recurrence.titleSimilarity must be between 0 and 1, got 1.5'}
    ${{ titleSimilarity: 0 }}   | ${'itsm.problems.recurrence.titleSimilarity must be a positive number, got 0'}
  `('refuses $recurrence naming the key', ({ recurrence, message }) => {
    expect(() => read(recurrence)).toThrow(message);
  });
});
