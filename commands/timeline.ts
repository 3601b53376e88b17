import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderTimeline } from '../src/discord/renderTimeline.js';
import { sendPages } from '../src/discord/sendPages.js';
import { UserInputError } from '../src/errors.js';
import { isIsoDateOnly } from '../src/knowledge/isIsoDate.js';
import { buildTimeline } from '../src/story/buildTimeline.js';

/** `/timeline [since:<YYYY-MM-DD>]`: the story's developments by publish date, one quoted line each, oldest first. */
export default {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('The story so far: one dated, quoted line per development, oldest first.')
    .addStringOption((option) =>
      option
        .setName('since')
        .setDescription('Only what was published on or after this date, as YYYY-MM-DD')
        .setMaxLength(32),
    )
    .toJSON(),
  async execute(interaction, context) {
    const since = interaction.options.getString('since')?.trim() || undefined;
    // Checked before deferring, so the mistake gets a private reply instead of a public deferral.
    if (since !== undefined && !isIsoDateOnly(since)) {
      throw new UserInputError('`since` takes a calendar date written YYYY-MM-DD, for example 2025-10-09.');
    }
    await interaction.deferReply();
    const timeline = buildTimeline(context.database, since ? { since } : {});
    await sendPages(interaction, renderTimeline(timeline), { ephemeral: false, signal: context.signal });
  },
} satisfies Command;
