import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { composeDigest } from '../src/digest/composeDigest.js';
import { findLatestDigestEntry, readDigestEntry } from '../src/digest/digestLedger.js';
import {
  findNextDigestRun,
  formatLocalDate,
  parseDigestTime,
  resolveTimezone,
} from '../src/digest/digestSchedule.js';
import { readDigestSettings, saveDigestSettings, turnDigestOff } from '../src/digest/digestSettings.js';
import { findDigestWindowStart, runDigest } from '../src/digest/runDigest.js';
import type { Command, CommandContext, SubcommandHandler } from '../src/discord/command.js';
import { deferReply } from '../src/discord/deferReply.js';
import { createDigestPublisher } from '../src/discord/publishDigest.js';
import { renderDigest } from '../src/discord/renderDigest.js';
import { linkDigest, renderDigestStatus } from '../src/discord/renderDigestStatus.js';
import { sendPages, sendPrivateText } from '../src/discord/sendPages.js';
import { UserInputError } from '../src/errors.js';

function reply(interaction: ChatInputCommandInteraction, context: CommandContext, content: string) {
  return sendPrivateText(interaction, content, context.signal);
}

// default_member_permissions is only a default: server admins can grant the command to anyone.
function requireManageServer(interaction: ChatInputCommandInteraction): void {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserInputError('Only members with the Manage Server permission can change or post the digest.');
  }
}

function requireSettings(interaction: ChatInputCommandInteraction<'cached'>, context: CommandContext) {
  const settings = readDigestSettings(context.database, interaction.guildId);
  if (!settings?.enabled)
    throw new UserInputError('The daily digest is off here; `/digest setup` turns it on.');
  return settings;
}

const handlers: Record<string, SubcommandHandler> = {
  async setup(interaction, context) {
    requireManageServer(interaction);
    const channel = interaction.options.getChannel('channel', true);
    const time = parseDigestTime(interaction.options.getString('time') ?? context.config.DIGEST_TIME);
    const timezone = resolveTimezone(
      interaction.options.getString('timezone') ?? context.config.DIGEST_TIMEZONE,
    );
    const configuredAt = new Date();
    saveDigestSettings(context.database, {
      guildId: interaction.guildId,
      channelId: channel.id,
      time,
      timezone,
      configuredAt: configuredAt.toISOString(),
    });
    const next = findNextDigestRun({ time, timezone }, configuredAt);
    const when = next ? ` The first one comes <t:${Math.floor(next.getTime() / 1000)}:R>.` : '';
    await reply(
      interaction,
      context,
      `Daily digest on: <#${channel.id}>, every day at ${time} (${timezone}).${when}`,
    );
  },
  async off(interaction, context) {
    requireManageServer(interaction);
    const wasOn = turnDigestOff(context.database, interaction.guildId);
    await reply(interaction, context, wasOn ? 'Daily digest off.' : 'The daily digest was already off.');
  },
  async status(interaction, context) {
    const settings = readDigestSettings(context.database, interaction.guildId);
    const page = renderDigestStatus(
      settings && {
        settings,
        nextRun: findNextDigestRun(settings, new Date()),
        lastPosted: findLatestDigestEntry(context.database, settings.channelId, ['posted']),
        lastFailed: findLatestDigestEntry(context.database, settings.channelId, ['failed']),
      },
    );
    await sendPages(interaction, [page], { ephemeral: true, signal: context.signal });
  },
  async preview(interaction, context) {
    const settings = requireSettings(interaction, context);
    await deferReply(interaction, { flags: MessageFlags.Ephemeral });
    const window = { from: findDigestWindowStart(context, settings), to: new Date().toISOString() };
    const digest = await composeDigest(context, window, {
      backfillDays: context.config.DIGEST_BACKFILL_DAYS,
      guildId: settings.guildId,
    });
    const pages = renderDigest(digest, 'Digest preview (only you see this)');
    await sendPages(interaction, pages, { ephemeral: true, signal: context.signal });
  },
  async now(interaction, context) {
    requireManageServer(interaction);
    const settings = requireSettings(interaction, context);
    await deferReply(interaction, { flags: MessageFlags.Ephemeral });
    const now = new Date();
    const localDate = formatLocalDate(now, settings.timezone);
    const before = readDigestEntry(context.database, settings.channelId, localDate);
    const publisher = createDigestPublisher(interaction.client);
    const entry = await runDigest(context, { settings, localDate, now, retryFailed: true }, publisher);
    const link = entry ? linkDigest(entry) : localDate;
    const outcomes = {
      posted:
        before?.state === 'posted'
          ? `Today's digest was already posted (${link}); there is one a day, so nothing was posted again.`
          : `Today's digest is posted (${link}); the scheduled one will not post again.`,
      empty: `Nothing new since the last digest, so nothing was posted for ${localDate}.`,
      failed: `The digest could not be posted: ${entry?.reason ?? 'unknown reason'}. See \`/digest status\`.`,
      pending: entry?.reason
        ? `Today's digest may already be posted (${entry.reason}). It is looked for in <#${settings.channelId}> before anything is sent again, so it is never posted twice; see \`/digest status\`.`
        : 'The digest is being posted right now.',
    };
    await reply(interaction, context, outcomes[entry?.state ?? 'pending']);
  },
};

/** `/digest setup|off|status|preview|now`: one post a day per server of what is new, with sources. */
export default {
  data: new SlashCommandBuilder()
    .setName('digest')
    .setDescription('A daily post of new coverage in a channel (Manage Server to change it).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((subcommand) =>
      subcommand
        .setName('setup')
        .setDescription('Post a digest every day in a channel, at a local time.')
        .addChannelOption((option) =>
          option
            .setName('channel')
            .setDescription('Where to post')
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)
            .setRequired(true),
        )
        .addStringOption((option) =>
          option.setName('time').setDescription('24-hour HH:MM, e.g. 08:00').setMaxLength(5),
        )
        .addStringOption((option) =>
          option.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setMaxLength(64),
        ),
    )
    .addSubcommand((subcommand) => subcommand.setName('off').setDescription('Stop the daily digest.'))
    .addSubcommand((subcommand) =>
      subcommand.setName('status').setDescription('Channel, next digest, last one posted, last error.'),
    )
    .addSubcommand((subcommand) =>
      subcommand.setName('preview').setDescription('See privately what the digest would post now.'),
    )
    .addSubcommand((subcommand) =>
      subcommand.setName('now').setDescription("Post today's digest now (it replaces the scheduled one)."),
    )
    .toJSON(),
  async execute(interaction, context) {
    if (!interaction.inCachedGuild()) throw new UserInputError('The digest works in servers only.');
    const handler = handlers[interaction.options.getSubcommand(true)];
    if (!handler) throw new UserInputError('Unknown /digest subcommand; try `/digest status`.');
    await handler(interaction, context);
  },
} satisfies Command;
