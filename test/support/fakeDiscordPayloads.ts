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

/** A user object as Discord sends it. */
export function createUser(id: string, username: string, bot = false) {
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot };
}

/** The READY dispatch data: discord.com/developers/docs/events/gateway-events#ready */
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

/** A GUILD_CREATE dispatch for the fake's one server with one text channel and its active `threads`. */
export function createGuildData(identity: FakeIdentity, threads: readonly object[] = []) {
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
    threads,
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The message object Discord returns for a sent or edited message in `channelId`. */
export function createMessageData(
  identity: FakeIdentity,
  body: Record<string, unknown>,
  channelId: string = identity.channelId,
) {
  return {
    id: createSnowflake(),
    type: body.message_reference ? 19 : 20,
    channel_id: channelId,
    author: createUser(identity.applicationId, 'newsdesk', true),
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    attachments: [],
    components: body.components ?? [],
    ...(body.message_reference ? { message_reference: body.message_reference } : {}),
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

/** What a test says about a thread: its id, who started it, from which channel. */
export interface ThreadOptions {
  id: string;
  ownerId: string;
  name: string;
  parentId?: string;
}

/** A public thread channel (type 11) as Discord returns and dispatches it. */
export function createThreadData(identity: FakeIdentity, thread: ThreadOptions) {
  return {
    id: thread.id,
    type: 11,
    guild_id: identity.guildId,
    parent_id: thread.parentId ?? identity.channelId,
    owner_id: thread.ownerId,
    name: thread.name,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
  };
}

/** What a test says about a message someone writes in a channel or thread. */
export interface WrittenMessage {
  channelId: string;
  content: string;
  /** The author's id; a new member by default. */
  userId?: string;
  /** Whether the author is a bot (another bot, or a webhook's relay). */
  bot?: boolean;
}

/** A MESSAGE_CREATE dispatch: discord.com/developers/docs/events/gateway-events#message-create */
export function createMessageCreateData(identity: FakeIdentity, message: WrittenMessage) {
  return {
    id: createSnowflake(),
    type: 0,
    channel_id: message.channelId,
    guild_id: identity.guildId,
    author: createUser(message.userId ?? createSnowflake(), message.bot ? 'relay' : 'reader', message.bot),
    member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    content: message.content,
    embeds: [],
    attachments: [],
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}
