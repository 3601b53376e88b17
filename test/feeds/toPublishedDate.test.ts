import { describe, expect, it } from 'vitest';
import { toPublishedDate } from '../../src/feeds/toPublishedDate.js';

describe('toPublishedDate', () => {
  it("keeps the outlet's own calendar day of an ISO date-time with its offset", () => {
    expect(toPublishedDate('2026-11-30T23:30:00-05:00')).toBe('2026-11-30');
  });

  it('gives the UTC day of a date without its own day written first', () => {
    expect(toPublishedDate('Mon, 30 Nov 2026 23:30:00 -0500')).toBe('2026-12-01');
    expect(toPublishedDate(new Date('2026-12-01T09:30:00Z'))).toBe('2026-12-01');
  });

  it('leaves an impossible or unreadable date empty', () => {
    expect(toPublishedDate('2026-02-30T10:00:00Z')).toBeNull();
    expect(toPublishedDate('last Tuesday')).toBeNull();
    expect(toPublishedDate(null)).toBeNull();
  });
});
