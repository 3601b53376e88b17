const isoDatePattern =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Whether `value` is an ISO 8601 date (`YYYY-MM-DD`) or date-time whose date exists on the calendar
 * (so `2026-02-30` is rejected, which a bare pattern would let through).
 */
export function isIsoDate(value: string): boolean {
  const date = isoDatePattern.exec(value)?.[1];
  if (date === undefined) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** Whether `value` is a calendar date written exactly `YYYY-MM-DD` (no time), as date options take. */
export function isIsoDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value);
}
