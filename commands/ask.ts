import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { askQuestion, maxQuestionLength, validateQuestion } from '../src/answer/askQuestion.js';
import type { Command } from '../src/discord/command.js';
import { renderAnswer } from '../src/discord/renderAnswer.js';
import { sendPages } from '../src/discord/sendPages.js';

/** `/ask question:<text> [private:<bool>]`: a cited answer from the articles. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about the story; the answer cites the articles it comes from.')
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, in your own words')
        .setRequired(true)
        .setMaxLength(maxQuestionLength),
    )
    .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you only'))
    .toJSON(),
  async execute(interaction, context) {
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    // Checked before deferring, so a bad question gets a private reply instead of a public deferral.
    const question = validateQuestion(interaction.options.getString('question', true));
    // Discord drops interactions not acknowledged within 3 seconds; deferring first buys 15 minutes.
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const answer = await askQuestion(context, question);
    await sendPages(interaction, renderAnswer(answer), { ephemeral, signal: context.signal });
  },
} satisfies Command;
