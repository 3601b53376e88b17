import type { Client, Guild } from 'discord.js';

// Discord's mention markup (https://discord.com/developers/docs/reference#message-formatting): users
// `<@id>` or `<@!id>`, roles `<@&id>`, channels `<#id>`; plus the two mass mentions, typed as plain text.
const mentionMarkup = /<@[!&]?\d+>|<#\d+>|(?<![\w.@])@(?:everyone|here)(?![\w-])/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The question inside a message as typed in Discord: user, role and channel mentions, `@everyone`,
 * `@here` and `@<botName>` written out as plain text are removed (people @mention the bot even in its
 * own threads), with the comma or colon that followed a leading mention. A message of nothing but
 * mentions becomes empty, which `validateQuestion` answers with its "please ask a question".
 *
 * @param botNames the bot's names as a person might type them after `@` (see `namesOfBot`), matched
 *   without regard to case.
 */
export function removeMentions(text: string, botNames: readonly string[] = []): string {
  const names = botNames.filter((name) => name.trim() !== '').map(escapeRegExp);
  const typedNames =
    names.length > 0 ? new RegExp(`(?<![\\w.@])@(?:${names.join('|')})(?![\\w-])`, 'giu') : null;
  const withoutMarkup = text.replace(mentionMarkup, ' ');
  const withoutNames = typedNames ? withoutMarkup.replace(typedNames, ' ') : withoutMarkup;
  return withoutNames.replace(/^[\s,:;]+/, '').trim();
}

/** The names a person might type after `@` for this bot: its username, display name and server nickname. */
export function namesOfBot(client: Client, guild?: Guild | null): string[] {
  const names = [client.user?.username, client.user?.globalName, guild?.members.me?.displayName];
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}
