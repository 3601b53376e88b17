// Calendar arithmetic on ISO days (`YYYY-MM-DD`) in UTC, where no daylight-saving shift can move a day.

/** `YYYY-MM-DD` for a year, a month (1–12) and a day of the month, zero-padded; not validated. */
export function toIsoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO day `days` after (negative: before) an ISO day. */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The ISO day `months` calendar months after (negative: before), clamped to the month's last day. */
export function addMonths(isoDay: string, months: number): string {
  const total = Number(isoDay.slice(0, 4)) * 12 + Number(isoDay.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return toIsoDay(year, month, Math.min(Number(isoDay.slice(8, 10)), daysInMonth(year, month)));
}

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}
