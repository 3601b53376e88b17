import { expect } from 'vitest';
import { discordLimits } from '../../src/discord/discordLimits.js';
import { measureEmbed, type ReplyPage } from '../../src/discord/packEmbeds.js';

/** Asserts that every page keeps Discord's per-message and per-embed limits (`discordLimits`). */
export function expectWithinDiscordLimits(pages: readonly ReplyPage[]): void {
  for (const page of pages) {
    expect(page.embeds.length).toBeLessThanOrEqual(discordLimits.embedsPerMessage);
    const total = page.embeds.reduce((sum, embed) => sum + measureEmbed(embed), 0);
    expect(total).toBeLessThanOrEqual(discordLimits.embedCharactersPerMessage);
    for (const embed of page.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedTitle);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedDescription);
    }
  }
}
