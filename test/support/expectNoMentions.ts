import { expect } from 'vitest';
import { type FakeDiscord, readMessageBody } from './fakeDiscord.js';

/** Asserts that every message the bot sent to the fake disabled mention parsing (`allowed_mentions.parse` empty). */
export function expectNoMentionsAllowed(fake: FakeDiscord): void {
  const messages = fake.requests.flatMap((request) => readMessageBody(request) ?? []);
  for (const message of messages) expect(message.allowed_mentions?.parse).toEqual([]);
}
