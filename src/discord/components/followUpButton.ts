import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { maxQuestionLength } from '../../answer/askQuestion.js';
import type { ComponentHandler } from '../command.js';
import { answerComponentIds } from '../renderAnswerButtons.js';

/** The custom_id of the modal's one text input. */
export const followUpQuestionInput = 'question';

/**
 * "Follow-up" under an answer: opens a modal (interaction callback type 9) with one text input; its
 * custom_id carries the conversation id on to `followUpModal`. A modal must be the first response, so
 * nothing is deferred here (https://discord.com/developers/docs/interactions/receiving-and-responding).
 */
export const followUpButton = {
  kind: 'button',
  prefix: answerComponentIds.followUpButton,
  async execute(interaction, _context, conversationId) {
    const input = new TextInputBuilder()
      .setCustomId(followUpQuestionInput)
      .setStyle(TextInputStyle.Paragraph)
      .setRequired(true)
      .setMaxLength(maxQuestionLength)
      .setPlaceholder('Why did that plan fall through?');
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId(`${answerComponentIds.followUpModal}:${conversationId}`)
        .setTitle('Follow-up question')
        .addLabelComponents(new LabelBuilder().setLabel('Your question').setTextInputComponent(input)),
    );
  },
} satisfies ComponentHandler;
