import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discordLimits } from '../../src/discord/discordLimits.js';
import { measureEmbed } from '../../src/discord/packEmbeds.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { readMessageBody } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/useTestBot.js';

describe('long replies', () => {
  const testBot = useTestBot();

  it('splits a long /sources list across messages within every limit, never cutting a line', async () => {
    const { fake, context } = testBot();
    // Sixty articles with long titles, outlets and links: far more than one message may carry.
    for (let index = 0; index < 60; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      const article = `---\ntitle: "Report ${index}: ${'the quokka accord <@123> and @everyone in Muscat, '.repeat(3)}"\nsource: "Gazette ${index} ${'of the long river valley '.repeat(3)}"\nurl: https://example.org/${'section/'.repeat(8)}${index}\npublished: 2026-03-${day}\n---\n\nThe quokka accord was discussed in report ${index}.\n`;
      await writeFile(join(context.config.KNOWLEDGE_DIR, `report_${index}.md`), article);
    }
    await ingestKnowledge(context);

    const interaction = fake.dispatchCommand({ name: 'sources' });
    // The last of the fifty listed lines arrives in the last follow-up.
    await fake.waitForRequest(
      (request) =>
        request.method === 'POST' &&
        request.path.endsWith(interaction.token) &&
        JSON.stringify(readMessageBody(request) ?? {}).includes('50. '),
    );
    const messages = fake.requestsFor(interaction).flatMap((request) => readMessageBody(request) ?? []);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const lines: string[] = [];
    for (const message of messages) {
      const embeds = message.embeds ?? [];
      expect(embeds.reduce((total, embed) => total + measureEmbed(embed), 0)).toBeLessThanOrEqual(
        discordLimits.embedCharactersPerMessage,
      );
      expect(embeds.length).toBeLessThanOrEqual(discordLimits.embedsPerMessage);
      for (const embed of embeds) {
        expect(embed.description?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedDescription);
        lines.push(...(embed.description ?? '').split('\n').filter((line) => line !== ''));
      }
    }
    const numbered = lines.filter((line) => /^\d+\. /.test(line));
    expect(numbered.map((line) => Number(line.split('.')[0]))).toEqual(
      Array.from({ length: numbered.length }, (_, index) => index + 1),
    );
    expect(numbered).toHaveLength(50);
    for (const line of numbered) expect(line).toMatch(/ · \d{4}-\d{2}-\d{2}$/);
    expect(lines.join('\n')).not.toMatch(/<@\d|(?<!\u200b)@everyone/);
  });
});
