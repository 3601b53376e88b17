import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { deferReply } from '../src/discord/deferReply.js';
import { renderReindex } from '../src/discord/renderReindex.js';
import { sendPages } from '../src/discord/sendPages.js';
import { UserInputError } from '../src/errors.js';
import { ingestKnowledge } from '../src/knowledge/ingest.js';

/** `/reindex`: re-reads `knowledge/`; for members with Manage Server only. */
export default {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Re-read the knowledge folder (Manage Server only).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  async execute(interaction, context) {
    // default_member_permissions is only a default: server admins can grant the command to anyone.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserInputError('Only members with the Manage Server permission can reindex the knowledge.');
    }
    await deferReply(interaction, { flags: MessageFlags.Ephemeral });
    const summary = await ingestKnowledge(context);
    await sendPages(interaction, renderReindex(summary), { ephemeral: true, signal: context.signal });
  },
} satisfies Command;
