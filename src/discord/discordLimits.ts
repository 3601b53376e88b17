/**
 * Discord's documented message limits, in characters (we count UTF-16 code units, which is never fewer
 * than Discord's count, so staying under them is safe):
 * - message content: https://discord.com/developers/docs/resources/message#create-message-jsonform-params
 * - embeds: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 *   (the 6000 total covers every embed of one message: titles, descriptions, field names and values,
 *   footer texts and author names).
 */
export const discordLimits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  embedsPerMessage: 10,
  embedCharactersPerMessage: 6000,
} as const;
