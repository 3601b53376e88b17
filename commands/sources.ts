import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderSources } from '../src/discord/renderSources.js';
import { sendPages } from '../src/discord/sendPages.js';
import { listArticles } from '../src/storage/articles.js';

/** `/sources [query:<text>]`: the articles the bot knows, newest first, or those matching a query. */
export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the articles the bot answers from, newest first.')
    .addStringOption((option) =>
      option.setName('query').setDescription('Only articles matching these words').setMaxLength(200),
    )
    .toJSON(),
  async execute(interaction, context) {
    const query = interaction.options.getString('query')?.trim() || undefined;
    const articles = listArticles(context.database, query);
    await sendPages(interaction, renderSources(articles, query), {
      ephemeral: false,
      signal: context.signal,
    });
  },
} satisfies Command;
