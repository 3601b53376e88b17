import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config/config.js';
import { ConfigurationError } from '../../src/errors.js';

describe('loadConfig', () => {
  it('returns the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      KNOWLEDGE_DIR: './knowledge',
      DATABASE_PATH: './data/newsdesk.sqlite',
      DISCORD_MESSAGE_CONTENT: false,
    });
  });

  it('names every bad variable in one error and never echoes the token', () => {
    const secret = 'not-a-real-token-but-secret';
    let caught: unknown;
    try {
      loadConfig({ LOG_LEVEL: 'loud', DISCORD_APPLICATION_ID: 'abc', DISCORD_API_URL: secret });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    const message = (caught as ConfigurationError).message;
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).toMatch(/DISCORD_APPLICATION_ID/);
    expect(message).toMatch(/DISCORD_API_URL/);
    expect(message).not.toContain(secret);
  });

  it('keeps feeds to public addresses by default and wants a User-Agent naming newsdesk', () => {
    expect(loadConfig({})).toMatchObject({ FEED_ALLOW_PRIVATE_NETWORK: false, FEED_POLL_MINUTES: 15 });
    expect(() => loadConfig({ FEED_USER_AGENT: 'Mozilla/5.0' })).toThrow(
      'FEED_USER_AGENT: must name newsdesk, so sites can tell who reads them',
    );
  });

  it('treats an empty value from .env as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '' }).DISCORD_TOKEN).toBeUndefined();
  });

  it('returns the defaults when every variable is set to an empty or blank value', () => {
    const names = Object.keys(configSchema.shape);
    expect(loadConfig(Object.fromEntries(names.map((name) => [name, ''])))).toEqual(loadConfig({}));
    expect(loadConfig(Object.fromEntries(names.map((name) => [name, '  '])))).toEqual(loadConfig({}));
    expect(
      loadConfig({ LOG_LEVEL: '', OPENAI_MAX_RETRIES: '', LLM_DAILY_LIMIT_PER_GUILD: '' }),
    ).toMatchObject({
      LOG_LEVEL: 'info',
      OPENAI_MAX_RETRIES: 2,
      LLM_DAILY_LIMIT_PER_GUILD: 200,
    });
  });
});

describe('.env.example', () => {
  it('lists exactly the variables the configuration schema reads', () => {
    const listed = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.slice(0, line.indexOf('=')));
    expect(listed.sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
