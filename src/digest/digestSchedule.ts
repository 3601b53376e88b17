import { Cron } from 'croner';
import { UserInputError } from '../errors.js';
import type { DigestSettings } from './digestSettings.js';

/**
 * A scheduled digest found after this many milliseconds is "missed", not merely late: the scheduler's
 * one-minute tick always lands well inside it.
 */
const onTimeToleranceMs = 2 * 60_000;

/**
 * Reads a daily post time written `H:MM` or `HH:MM` (24-hour clock).
 *
 * @returns the time as `HH:MM`.
 * @throws UserInputError with a message fit to show the user when it is not a valid time of day.
 */
export function parseDigestTime(text: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw new UserInputError(
      `"${text.slice(0, 20)}" is not a time of day; use 24-hour HH:MM, e.g. 08:00 or 18:30.`,
    );
  }
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/**
 * Checks an IANA time zone name (`Europe/Berlin`, `America/New_York`, `UTC`) against the runtime's
 * time-zone database, which croner uses too, so what is accepted is what gets scheduled.
 *
 * @returns the canonical spelling (case fixed, e.g. `europe/berlin` → `Europe/Berlin`).
 * @throws UserInputError naming the bad value when the runtime does not know the zone.
 */
export function resolveTimezone(name: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone;
  } catch {
    throw new UserInputError(
      `"${name.slice(0, 40)}" is not a time zone I know; use an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    );
  }
}

/** The calendar date, `YYYY-MM-DD`, that `instant` falls on in `timezone`. */
export function formatLocalDate(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A croner schedule for "every day at `time` in `timezone`", never started (no callback): used only
 * to compute run times. Croner works in the zone's wall-clock time, so 08:00 stays 08:00 across
 * daylight-saving changes; a time skipped by the spring change runs once at the first valid moment
 * after it, and one repeated by the autumn change runs once, at its first occurrence.
 */
function createDailySchedule(settings: Pick<DigestSettings, 'time' | 'timezone'>): Cron {
  const [hours, minutes] = settings.time.split(':').map(Number);
  return new Cron(`${minutes} ${hours} * * *`, { timezone: settings.timezone, paused: true });
}

/** The next time a server's digest is due strictly after `after`; `null` when croner finds none. */
export function findNextDigestRun(
  settings: Pick<DigestSettings, 'time' | 'timezone'>,
  after: Date,
): Date | null {
  return createDailySchedule(settings).nextRun(after);
}

/**
 * Whether a server's digest is due at `now`, and for which local date. It is due when today's time
 * (in the server's zone) has passed since the digest was set up; with `catchUp` a digest missed while
 * the bot was down is still due later the same local day, without it only within two minutes of its
 * time. A digest missed on an earlier day is never due: no backlog. Whether it was already posted is
 * the ledger's business, not this function's.
 *
 * @returns the local date (`YYYY-MM-DD`) the due digest is for, or `undefined` when none is due.
 */
export function findDueDigestDate(settings: DigestSettings, now: Date, catchUp: boolean): string | undefined {
  const [latest] = createDailySchedule(settings).previousRuns(1, now);
  if (!latest || latest.getTime() <= Date.parse(settings.configuredAt)) return undefined;
  const localDate = formatLocalDate(latest, settings.timezone);
  if (localDate !== formatLocalDate(now, settings.timezone)) return undefined;
  if (!catchUp && now.getTime() - latest.getTime() > onTimeToleranceMs) return undefined;
  return localDate;
}
