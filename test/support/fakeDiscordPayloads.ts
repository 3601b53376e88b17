import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds: snowflakes count from it. */
const discordEpoch = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** Returns a fresh, time-ordered snowflake id, the shape discord.js parses for creation timestamps. */
export function createSnowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) % 4096n;
  return (((BigInt(Date.now()) - discordEpoch) << 22n) | snowflakeIncrement).toString();
}

/** The ids the fake uses for its one bot, guild and channel, fixed for a fake's lifetime. */
export interface FakeIdentity {
  applicationId: string;
  guildId: string;
  channelId: string;
}

/** Permission bits as Discord sends them (decimal strings): the everyday member lacks Manage Server. */
export const memberPermissions = {
  /** View Channel, Send Messages, Read Message History, Use Application Commands. */
  everyday: String(1024n | 2048n | 65536n | 2147483648n),
  /** The everyday set plus Manage Server (`1 << 5`). */
  manageServer: String(1024n | 2048n | 65536n | 2147483648n | 32n),
};

function createUser(id: string, username: string, bot = false) {
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot };
}

/** The READY dispatch data: https://discord.com/developers/docs/events/gateway-events#ready */
export function createReadyData(identity: FakeIdentity, resumeUrl: string) {
  return {
    v: 10,
    user: { ...createUser(identity.applicationId, 'newsdesk', true), verified: true, flags: 0 },
    guilds: [{ id: identity.guildId, unavailable: true }],
    session_id: randomBytes(16).toString('hex'),
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: identity.applicationId, flags: 0 },
  };
}

/** A GUILD_CREATE dispatch for the fake's one server with one text channel. */
export function createGuildData(identity: FakeIdentity) {
  return {
    id: identity.guildId,
    name: 'Newsroom',
    icon: null,
    owner_id: createSnowflake(),
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date().toISOString(),
    features: [],
    roles: [
      {
        id: identity.guildId,
        name: '@everyone',
        permissions: memberPermissions.everyday,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: [{ id: identity.channelId, type: 0, name: 'news', position: 0, permission_overwrites: [] }],
    members: [],
    threads: [],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** What a test says about a slash command a member runs. */
export interface SlashCommandInvocation {
  name: string;
  /** The subcommand run, e.g. `setup` for `/digest setup`; `options` are then its options. */
  subcommand?: string;
  /** Option values; `{ channelId }` is a channel option, resolved as a text channel of the fake guild. */
  options?: Record<string, string | boolean | { channelId: string }>;
  /** Decimal permission bits of the member; `memberPermissions.everyday` by default. */
  permissions?: string;
}

/**
 * An INTERACTION_CREATE payload for a chat-input command in the fake guild:
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 * `entitlements` and `authorizing_integration_owners` are required by discord.js 14.
 */
export function createInteractionData(identity: FakeIdentity, invocation: SlashCommandInvocation) {
  const channels: Record<string, object> = {};
  const given = Object.entries(invocation.options ?? {}).map(([name, value]) => {
    if (typeof value !== 'object') return { name, type: typeof value === 'boolean' ? 5 : 3, value };
    channels[value.channelId] = { id: value.channelId, type: 0, name: 'news', permissions: '0' };
    return { name, type: 7, value: value.channelId };
  });
  const options = invocation.subcommand ? [{ name: invocation.subcommand, type: 1, options: given }] : given;
  const permissions = invocation.permissions ?? memberPermissions.everyday;
  return {
    id: createSnowflake(),
    application_id: identity.applicationId,
    type: 2,
    token: randomBytes(24).toString('base64url'),
    version: 1,
    data: { id: createSnowflake(), name: invocation.name, type: 1, options, resolved: { channels } },
    guild_id: identity.guildId,
    guild: { id: identity.guildId, locale: 'en-US', features: [] },
    channel_id: identity.channelId,
    channel: { id: identity.channelId, type: 0, guild_id: identity.guildId, name: 'news' },
    member: {
      user: createUser(createSnowflake(), 'reader'),
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      permissions,
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

/** The message object Discord returns for a sent or edited message. */
export function createMessageData(identity: FakeIdentity, body: Record<string, unknown>) {
  return {
    id: createSnowflake(),
    type: 20,
    channel_id: identity.channelId,
    author: createUser(identity.applicationId, 'newsdesk', true),
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    attachments: [],
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: body.flags ?? 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    application_id: identity.applicationId,
    webhook_id: identity.applicationId,
  };
}
