import type { APIEmbed } from 'discord.js';
import type { DigestEntry } from '../digest/digestLedger.js';
import type { DigestSettings } from '../digest/digestSettings.js';
import { escapeForDiscord } from './escapeForDiscord.js';
import type { ReplyPage } from './packEmbeds.js';
import { truncateText } from './splitText.js';

const statusColour = 0x805ad5;
const failureColour = 0xc53030;
const reasonLength = 500;

/** What `/digest status` shows about one server. */
export interface DigestStatus {
  settings: DigestSettings;
  nextRun: Date | null;
  lastPosted: DigestEntry | undefined;
  /** The latest failure, shown only when it is newer than the last posted digest. */
  lastFailed: DigestEntry | undefined;
}

/** `2026-03-10 08:00` as the wall clock reads in `timezone`. */
function formatWallClock(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(instant);
}

/** A posted digest's date with a link to its first message: `2026-03-10: [jump to the digest](https://…)`. */
export function linkDigest(entry: DigestEntry): string {
  const first = entry.messageIds[0];
  const link = `https://discord.com/channels/${entry.guildId}/${entry.channelId}/${first}`;
  return first ? `${entry.localDate}: [jump to the digest](${link})` : entry.localDate;
}

/**
 * Renders `/digest status`: the channel, the schedule, the next run as the server's own clock reads
 * it (plus Discord's relative `<t:…:R>`), the last posted digest with a link to its first message,
 * and the last error (its reason escaped) when it came after that post. Off or never set up: one line
 * saying how to turn it on.
 *
 * @returns one page, one embed: far within Discord's limits (reason cut to 500 characters).
 */
export function renderDigestStatus(status: DigestStatus | undefined): ReplyPage {
  if (!status) return { content: 'No daily digest here yet. `/digest setup` starts one.', embeds: [] };
  const { settings, nextRun, lastPosted, lastFailed } = status;
  const schedule = `every day at ${settings.time} (${settings.timezone})`;
  if (!settings.enabled) {
    return { content: `The daily digest is off (it was <#${settings.channelId}>, ${schedule}).`, embeds: [] };
  }
  const failed =
    lastFailed && (!lastPosted || lastFailed.localDate >= lastPosted.localDate) ? lastFailed : undefined;
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Channel', value: `<#${settings.channelId}>`, inline: true },
    { name: 'Schedule', value: schedule, inline: true },
    {
      name: 'Next digest',
      value: nextRun
        ? `${formatWallClock(nextRun, settings.timezone)} ${settings.timezone} (<t:${Math.floor(nextRun.getTime() / 1000)}:R>)`
        : 'not scheduled',
    },
    { name: 'Last posted', value: lastPosted ? linkDigest(lastPosted) : 'none yet' },
  ];
  if (failed) {
    const reason = truncateText(escapeForDiscord(failed.reason ?? 'unknown'), reasonLength);
    fields.push({
      name: 'Last error',
      value: `${failed.localDate}: ${reason} (retried at the next scheduled time)`,
    });
  }
  return {
    embeds: [{ title: 'Daily digest', color: failed ? failureColour : statusColour, fields }],
  };
}
