import { randomBytes } from 'node:crypto';
import { createSnowflake, createUser, type FakeIdentity, memberPermissions } from './fakeDiscordPayloads.js';

/** What a test says about a slash command a member runs. */
export interface SlashCommandInvocation {
  name: string;
  /** The subcommand run, e.g. `setup` for `/digest setup`; `options` are then its options. */
  subcommand?: string;
  /** Option values; `{ channelId }` is a channel option, resolved as a text channel of the fake guild. */
  options?: Record<string, string | boolean | { channelId: string }>;
  /** Decimal permission bits of the member; `memberPermissions.everyday` by default. */
  permissions?: string;
  /** The member's user id; a new user for every interaction by default. */
  userId?: string;
  /** Where it is used: the fake's text channel by default, or a thread the fake knows. */
  channelId?: string;
}

/** Where an interaction happens and who starts it (see `SlashCommandInvocation`). */
export interface InteractionOrigin {
  userId?: string;
  /** The channel object Discord sends with the interaction; the fake's text channel by default. */
  channel?: { id: string; type: number };
  permissions?: string;
}

/**
 * The fields every INTERACTION_CREATE payload in the fake guild shares:
 * discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 * `entitlements` and `authorizing_integration_owners` are required by discord.js 14.
 */
export function createInteractionBase(identity: FakeIdentity, origin: InteractionOrigin = {}) {
  const channel = origin.channel ?? { id: identity.channelId, type: 0, name: 'news' };
  return {
    id: createSnowflake(),
    application_id: identity.applicationId,
    token: randomBytes(24).toString('base64url'),
    version: 1,
    guild_id: identity.guildId,
    guild: { id: identity.guildId, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: { guild_id: identity.guildId, ...channel },
    member: {
      user: createUser(origin.userId ?? createSnowflake(), 'reader'),
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      permissions: origin.permissions ?? memberPermissions.everyday,
    },
    app_permissions: memberPermissions.everyday,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': identity.guildId },
    context: 0,
    attachment_size_limit: 8_388_608,
  };
}

/** An INTERACTION_CREATE payload for a chat-input command (type 2) in the fake guild. */
export function createInteractionData(
  identity: FakeIdentity,
  invocation: SlashCommandInvocation,
  channel?: { id: string; type: number },
) {
  const channels: Record<string, object> = {};
  const given = Object.entries(invocation.options ?? {}).map(([name, value]) => {
    if (typeof value !== 'object') return { name, type: typeof value === 'boolean' ? 5 : 3, value };
    channels[value.channelId] = { id: value.channelId, type: 0, name: 'news', permissions: '0' };
    return { name, type: 7, value: value.channelId };
  });
  const options = invocation.subcommand ? [{ name: invocation.subcommand, type: 1, options: given }] : given;
  return {
    ...createInteractionBase(identity, { ...invocation, ...(channel && { channel }) }),
    type: 2,
    data: { id: createSnowflake(), name: invocation.name, type: 1, options, resolved: { channels } },
  };
}

/** A button click on one of the bot's messages, as a test describes it. */
export interface ButtonClick extends InteractionOrigin {
  customId: string;
  /** The message carrying the button, as Discord returned it when the bot sent it. */
  message: Record<string, unknown>;
}

/** An INTERACTION_CREATE payload for a button click (type 3, component type 2). */
export function createButtonData(identity: FakeIdentity, click: ButtonClick) {
  return {
    ...createInteractionBase(identity, click),
    type: 3,
    data: { custom_id: click.customId, component_type: 2 },
    message: click.message,
  };
}

/** A modal a member fills in and submits, as a test describes it. */
export interface ModalSubmission extends InteractionOrigin {
  customId: string;
  /** Text input values by custom_id. */
  values: Record<string, string>;
  /** The message whose button opened the modal. */
  message?: Record<string, unknown>;
}

/**
 * An INTERACTION_CREATE payload for a modal submission (type 5); each text input (type 4) comes back
 * inside its label (type 18), as Discord sends modals built with labels.
 */
export function createModalSubmitData(identity: FakeIdentity, submission: ModalSubmission) {
  const components = Object.entries(submission.values).map(([customId, value], index) => ({
    type: 18,
    id: 2 * index + 1,
    component: { type: 4, id: 2 * index + 2, custom_id: customId, value },
  }));
  return {
    ...createInteractionBase(identity, submission),
    type: 5,
    data: { custom_id: submission.customId, components },
    ...(submission.message && { message: submission.message }),
  };
}
