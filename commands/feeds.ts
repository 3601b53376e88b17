import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';
import type { Command, SubcommandHandler } from '../src/discord/command.js';
import { deferReply } from '../src/discord/deferReply.js';
import { escapeForDiscord } from '../src/discord/escapeForDiscord.js';
import { renderFeedList, renderFeedPoll } from '../src/discord/renderFeeds.js';
import { sendPages, sendPrivateText } from '../src/discord/sendPages.js';
import { UserInputError } from '../src/errors.js';
import { followFeed, unfollowFeed } from '../src/feeds/followFeed.js';
import { pollFeeds } from '../src/feeds/pollFeeds.js';
import { listFeeds } from '../src/storage/feeds.js';

/** Who added a feed and where, as `/feeds list` and `npm run feeds -- list` show it. */
function describeAdder(interaction: ChatInputCommandInteraction<'cached'>): {
  addedBy: string;
  addedIn: string;
} {
  const channel = interaction.channel?.name
    ? `#${interaction.channel.name}`
    : `channel ${interaction.channelId}`;
  return {
    addedBy: `${interaction.user.username} (${interaction.user.id})`,
    addedIn: `${interaction.guild.name} (${interaction.guildId}), ${channel}`,
  };
}

/**
 * An admin's poll stops taking new items after this many milliseconds, so its report arrives well
 * inside the 60 s the router waits for a command; the items left come with the scheduled polls.
 */
const adminPollMs = 40_000;

const handlers: Record<string, SubcommandHandler> = {
  async add(interaction, context) {
    await deferReply(interaction, { flags: MessageFlags.Ephemeral });
    const keywords = interaction.options.getString('keywords');
    const { feed, warning } = await followFeed(context, {
      url: interaction.options.getString('url', true),
      ...(keywords !== null && { keywords }),
      ...describeAdder(interaction),
    });
    const title = escapeForDiscord(feed.title ?? 'title not read yet');
    const note = warning ? `\n${escapeForDiscord(warning)}` : '';
    await sendPrivateText(
      interaction,
      `Following **${title}** (${escapeForDiscord(feed.url)}). Its articles arrive with the next poll, or now with \`/feeds poll\`.${note}`,
      context.signal,
    );
  },
  async remove(interaction, context) {
    const url = interaction.options.getString('url', true);
    const deleted = unfollowFeed(context, url, interaction.options.getBoolean('delete-articles') ?? false);
    const kept =
      deleted > 0 ? `${deleted} of its article(s) deleted.` : 'Its articles stay in the knowledge base.';
    await sendPrivateText(
      interaction,
      `No longer following ${escapeForDiscord(url)}. ${kept}`,
      context.signal,
    );
  },
  async list(interaction, context) {
    await sendPages(interaction, renderFeedList(listFeeds(context.database)), {
      ephemeral: true,
      signal: context.signal,
    });
  },
  async poll(interaction, context) {
    await deferReply(interaction, { flags: MessageFlags.Ephemeral });
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(adminPollMs)]);
    const result = await pollFeeds(context, { which: 'all', signal });
    if (result.busy) {
      await sendPrivateText(
        interaction,
        'The feeds are being polled right now; their new articles arrive in a moment.',
        context.signal,
      );
      return;
    }
    await sendPages(interaction, renderFeedPoll(result.reports), { ephemeral: true, signal: context.signal });
  },
};

/** The required `url` option of add and remove; 2,000 characters is more than any feed address needs. */
function describeUrlOption(option: SlashCommandStringOption, description: string): SlashCommandStringOption {
  return option.setName('url').setDescription(description).setRequired(true).setMaxLength(2000);
}

/** `/feeds add|remove|list|poll`: the news feeds the story follows, for members with Manage Server. */
export default {
  data: new SlashCommandBuilder()
    .setName('feeds')
    .setDescription('News feeds the story follows (Manage Server only).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((subcommand) =>
      subcommand
        .setName('add')
        .setDescription('Follow an RSS, Atom or JSON feed.')
        .addStringOption((option) => describeUrlOption(option, 'The feed address (http or https)'))
        .addStringOption((option) =>
          option
            .setName('keywords')
            .setDescription('Comma-separated: only items mentioning one are taken')
            .setMaxLength(500),
        ),
    )
    .addSubcommand((subcommand) =>
      subcommand
        .setName('remove')
        .setDescription('Stop following a feed.')
        .addStringOption((option) => describeUrlOption(option, 'The feed address, as listed'))
        .addBooleanOption((option) =>
          option
            .setName('delete-articles')
            .setDescription('Also delete the articles it brought in (default: keep them)'),
        ),
    )
    .addSubcommand((subcommand) =>
      subcommand.setName('list').setDescription('Each feed, its last poll and who added it.'),
    )
    .addSubcommand((subcommand) => subcommand.setName('poll').setDescription('Poll every feed now.'))
    .toJSON(),
  async execute(interaction, context) {
    if (!interaction.inCachedGuild()) throw new UserInputError('Feeds are managed in servers only.');
    // default_member_permissions is only a default: server admins can grant the command to anyone.
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
      throw new UserInputError('Only members with the Manage Server permission can manage the feeds.');
    const handler = handlers[interaction.options.getSubcommand(true)];
    if (!handler) throw new UserInputError('Unknown /feeds subcommand; try `/feeds list`.');
    await handler(interaction, context);
  },
} satisfies Command;
