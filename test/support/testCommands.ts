import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../../src/discord/command.js';
import { sendPages } from '../../src/discord/sendPages.js';

/** `/explode`: a command whose handler throws, as a bug in any command would. */
export const explodeCommand = {
  data: new SlashCommandBuilder().setName('explode').setDescription('Throws').toJSON(),
  async execute() {
    throw new Error('database is locked at /secret/path');
  },
} satisfies Command;

/** `/slow`: defers privately, then answers "done" after `delayMs` milliseconds. */
export function createSlowCommand(delayMs: number): Command {
  return {
    data: new SlashCommandBuilder().setName('slow').setDescription('Takes a while').toJSON(),
    async execute(interaction, context) {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await sendPages(interaction, [{ content: 'done', embeds: [] }], {
        ephemeral: true,
        signal: context.signal,
      });
    },
  };
}
