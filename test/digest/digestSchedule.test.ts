import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findDueDigestDate,
  findNextDigestRun,
  parseDigestTime,
  resolveTimezone,
} from '../../src/digest/digestSchedule.js';
import type { DigestSettings } from '../../src/digest/digestSettings.js';
import { UserInputError } from '../../src/errors.js';

function settings(time: string, timezone: string, configuredAt = '2026-01-01T00:00:00Z'): DigestSettings {
  return { guildId: '1', channelId: '2', time, timezone, enabled: true, configuredAt };
}

describe('findNextDigestRun', () => {
  it('returns the same wall-clock time in each zone when servers are in different time zones', () => {
    const after = new Date('2026-06-15T12:00:00Z');
    expect(findNextDigestRun(settings('08:00', 'UTC'), after)?.toISOString()).toBe(
      '2026-06-16T08:00:00.000Z',
    );
    expect(findNextDigestRun(settings('08:00', 'Asia/Kolkata'), after)?.toISOString()).toBe(
      '2026-06-16T02:30:00.000Z',
    );
    expect(findNextDigestRun(settings('18:30', 'America/New_York'), after)?.toISOString()).toBe(
      '2026-06-15T22:30:00.000Z',
    );
  });

  it('keeps 08:00 local when Europe/Berlin changes to summer time', () => {
    const berlin = settings('08:00', 'Europe/Berlin');
    expect(findNextDigestRun(berlin, new Date('2026-03-28T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-28T07:00:00.000Z',
    );
    expect(findNextDigestRun(berlin, new Date('2026-03-28T08:00:00Z'))?.toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('runs once at the first valid moment when the local time is skipped by the spring change', () => {
    const newYork = settings('02:30', 'America/New_York');
    expect(findNextDigestRun(newYork, new Date('2026-03-07T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(findNextDigestRun(newYork, new Date('2026-03-08T07:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T06:30:00.000Z',
    );
  });
});

describe('findDueDigestDate', () => {
  afterEach(() => vi.useRealTimers());

  it('returns the local date at the scheduled minute and through the same day when catching up', () => {
    const tokyo = settings('08:00', 'Asia/Tokyo');
    // 08:00 in Tokyo on 10 March is 23:00 UTC on 9 March: the local date is what counts.
    expect(findDueDigestDate(tokyo, new Date('2026-03-09T23:00:30Z'), true)).toBe('2026-03-10');
    expect(findDueDigestDate(tokyo, new Date('2026-03-10T10:00:00Z'), true)).toBe('2026-03-10');
    expect(findDueDigestDate(tokyo, new Date('2026-03-09T22:59:00Z'), true)).toBeUndefined();
  });

  it('returns nothing for a digest missed on an earlier local day when the bot comes back', () => {
    const utc = settings('08:00', 'UTC');
    // Down from 07:00 on the 10th to 07:30 on the 12th: the 10th and 11th are not posted as a backlog.
    expect(findDueDigestDate(utc, new Date('2026-03-12T07:30:00Z'), true)).toBeUndefined();
    expect(findDueDigestDate(utc, new Date('2026-03-12T08:00:10Z'), true)).toBe('2026-03-12');
  });

  it('returns nothing for a late start when catch-up is off', () => {
    const utc = settings('08:00', 'UTC');
    expect(findDueDigestDate(utc, new Date('2026-03-10T08:01:00Z'), false)).toBe('2026-03-10');
    expect(findDueDigestDate(utc, new Date('2026-03-10T11:00:00Z'), false)).toBeUndefined();
  });

  it('returns nothing on the day of setup when the time had already passed', () => {
    const setUpLate = settings('08:00', 'UTC', '2026-03-10T09:00:00Z');
    expect(findDueDigestDate(setUpLate, new Date('2026-03-10T12:00:00Z'), true)).toBeUndefined();
    expect(findDueDigestDate(setUpLate, new Date('2026-03-11T08:00:05Z'), true)).toBe('2026-03-11');
  });

  it('returns each local date once across the autumn change when driven by the clock', () => {
    vi.useFakeTimers({ now: new Date('2026-10-24T00:00:00Z') });
    const berlin = settings('08:00', 'Europe/Berlin');
    const due: string[] = [];
    for (let minute = 0; minute < 4 * 24 * 60; minute += 1) {
      const date = findDueDigestDate(berlin, new Date(), false);
      if (date && !due.includes(date)) due.push(date);
      vi.advanceTimersByTime(60_000);
    }
    expect(due).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });
});

describe('parseDigestTime', () => {
  it('returns HH:MM when given a valid 24-hour time', () => {
    expect(parseDigestTime('8:05')).toBe('08:05');
    expect(parseDigestTime(' 23:59 ')).toBe('23:59');
  });

  it('throws a message for the user when the time is not a time of day', () => {
    for (const bad of ['24:00', '8am', '12:60', ''])
      expect(() => parseDigestTime(bad)).toThrow(UserInputError);
    expect(() => parseDigestTime('25:00')).toThrow(/HH:MM/);
  });
});

describe('resolveTimezone', () => {
  it('returns the canonical IANA name when the case is off', () => {
    expect(resolveTimezone('europe/berlin')).toBe('Europe/Berlin');
    expect(resolveTimezone('UTC')).toBe('UTC');
  });

  it('throws a message naming the zone when it is unknown', () => {
    expect(() => resolveTimezone('Mars/Olympus_Mons')).toThrow(/"Mars\/Olympus_Mons" is not a time zone/);
  });
});
