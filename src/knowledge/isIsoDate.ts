const isoDatePattern =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** Whether the parts of a time are on the clock: hours 0–23, minutes 0–59, seconds 0–60 (a leap second). */
function isClockTime(parts: readonly (string | undefined)[]): boolean {
  const [hour = '0', minute = '0', second = '0', offsetHour = '0', offsetMinute = '0'] = parts;
  return (
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 60 &&
    Number(offsetHour) <= 14 &&
    Number(offsetMinute) <= 59
  );
}

/**
 * Whether `value` is an ISO 8601 date (`YYYY-MM-DD`) or date-time whose date exists on the calendar
 * and whose time is on the clock (so `2026-02-30` and `2026-02-07T25:00:00Z` are rejected, which a bare
 * pattern would let through). UTC offsets reach ±14:00, as time zones do.
 */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  const date = match?.[1];
  if (match === null || date === undefined) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === date &&
    isClockTime(match.slice(2, 7))
  );
}

/** Whether `value` is a calendar date written exactly `YYYY-MM-DD` (no time), as date options take. */
export function isIsoDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value);
}
