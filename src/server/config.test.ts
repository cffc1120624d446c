/**
 * Settings from the environment: the reminder lead hours an operator may set, and the clear
 * refusal of a value that cannot be used — the server does not start on a guess. The message is
 * what an operator reads (main.ts prints it and exits 1), so the tests check its words.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_LEAD_HOURS } from '../core/index.ts';
import { ConfigError, configFromEnv } from './config.ts';

describe('settings from the environment', () => {
  it('reminds 72 and 24 hours ahead unless told otherwise, and takes hours given in any order', () => {
    expect(configFromEnv({}).reminderLeadHours).toEqual(DEFAULT_REMINDER_LEAD_HOURS);
    expect(configFromEnv({ PARLEY_REMINDER_LEAD_HOURS: '24, 168,2' }).reminderLeadHours).toEqual([168, 24, 2]);
  });

  it.each([
    ['soon', '"soon" is not one'],
    ['72,,24', '"" is not one'],
    ['0', '"0" is not one'],
    ['1.5', '"1.5" is not one'],
    ['2000', '"2000" is not one'],
    ['24,24', 'names one twice'],
    ['1,2,3,4,5,6', 'at most 5 of them'],
  ])('refuses %j, saying what it should be', (value, why) => {
    const read = (): unknown => configFromEnv({ PARLEY_REMINDER_LEAD_HOURS: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/^PARLEY_REMINDER_LEAD_HOURS is the hours before a deadline at which reminders go out, whole numbers from 1 to 1440 separated by commas \(say "72,24"\)/u);
    expect(read).toThrow(why);
  });
});
