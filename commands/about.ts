import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderAbout } from '../src/discord/renderAbout.js';
import { sendPages } from '../src/discord/sendPages.js';
import { getKnowledgeStats, listArticles } from '../src/storage/articles.js';

/** `/about`: what the bot covers, how much it knows, how fresh it is, how it answers. */
export default {
  data: new SlashCommandBuilder()
    .setName('about')
    .setDescription('What this bot covers and how it answers.')
    .toJSON(),
  async execute(interaction, context) {
    const page = renderAbout(
      getKnowledgeStats(context.database),
      listArticles(context.database),
      context.composer,
    );
    await sendPages(interaction, [page], { ephemeral: false, signal: context.signal });
  },
} satisfies Command;
