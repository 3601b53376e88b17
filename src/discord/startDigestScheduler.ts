import { Cron } from 'croner';
import type { Client } from 'discord.js';
import type { CoreContext } from '../context.js';
import { findDueDigestDate, parseDigestTime, resolveTimezone } from '../digest/digestSchedule.js';
import {
  listEnabledDigestSettings,
  readDigestSettings,
  saveDigestSettings,
} from '../digest/digestSettings.js';
import { runDigest } from '../digest/runDigest.js';
import { createDigestPublisher } from './publishDigest.js';

/** The bot's daily-digest clock. */
export interface DigestScheduler {
  /**
   * Posts every server's digest due at `now` (see `findDueDigestDate`: on time, or caught up later
   * the same local day), each server independently: one failing never delays or stops another.
   * Never rejects. The minute tick calls it; tests call it with an explicit `now`.
   */
  runDue(now?: Date): Promise<void>;
  /** Stops the tick and waits up to `graceMs` milliseconds for digests being sent. */
  stop(graceMs: number): Promise<void>;
}

export interface DigestSchedulerOptions {
  /** Awaited before each round, e.g. the knowledge refresh, so a digest sees every file already dropped in. */
  beforeRun?: () => Promise<void>;
}

/** Turns the `DIGEST_CHANNEL_ID` default on for that channel's server, unless the server has its own settings. */
async function applyEnvironmentDefault(client: Client<true>, context: CoreContext): Promise<void> {
  const { DIGEST_CHANNEL_ID: channelId, DIGEST_TIME, DIGEST_TIMEZONE } = context.config;
  if (!channelId) return;
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel || channel.isDMBased()) throw new Error('not a server channel');
    if (readDigestSettings(context.database, channel.guildId)) return;
    saveDigestSettings(context.database, {
      guildId: channel.guildId,
      channelId,
      time: parseDigestTime(DIGEST_TIME),
      timezone: resolveTimezone(DIGEST_TIMEZONE),
      configuredAt: new Date().toISOString(),
    });
    context.logger.info(
      { channelId, time: DIGEST_TIME, timezone: DIGEST_TIMEZONE },
      'digest default turned on',
    );
  } catch (error) {
    context.logger.warn({ channelId, err: error }, 'DIGEST_CHANNEL_ID cannot be used; no default digest');
  }
}

/**
 * Starts the daily digests: applies the `DIGEST_CHANNEL_ID` default, runs `runDue` at once (the
 * catch-up after downtime, when `DIGEST_CATCH_UP` is on) and then at the start of every minute on a
 * croner job (`protect`: a slow round is never overlapped by the next). Each server's time is read in
 * its own IANA zone by croner, so schedules hold across daylight-saving changes; the ledger keeps
 * every channel to one digest per local date across ticks and restarts.
 */
export function startDigestScheduler(
  client: Client<true>,
  context: CoreContext,
  options: DigestSchedulerOptions = {},
): DigestScheduler {
  const publish = createDigestPublisher(client);
  const inFlight = new Set<Promise<void>>();

  async function runRound(now: Date): Promise<void> {
    await options.beforeRun?.();
    const runs = listEnabledDigestSettings(context.database).flatMap((settings) => {
      const localDate = findDueDigestDate(settings, now, context.config.DIGEST_CATCH_UP);
      if (localDate === undefined) return [];
      return [runDigest(context, { settings, localDate, now, retryFailed: false }, publish)];
    });
    for (const result of await Promise.allSettled(runs)) {
      if (result.status === 'rejected') context.logger.error({ err: result.reason }, 'digest run failed');
    }
  }

  function runDue(now = new Date()): Promise<void> {
    const round = runRound(now).catch((error: unknown) =>
      context.logger.error({ err: error }, 'digest round failed'),
    );
    inFlight.add(round);
    void round.finally(() => inFlight.delete(round));
    return round;
  }

  const job = new Cron('* * * * *', { protect: true }, () => runDue());
  void applyEnvironmentDefault(client, context).then(() => runDue());
  return {
    runDue,
    async stop(graceMs) {
      job.stop();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled(inFlight), grace]);
      clearTimeout(timer);
    },
  };
}
