import { describe, expect, it } from 'vitest';
import { escapeForDiscord, formatMaskedLink } from '../../src/discord/escapeForDiscord.js';

describe('escapeForDiscord', () => {
  it('returns mentions broken by a zero-width space when text tries to ping', () => {
    const escaped = escapeForDiscord('Hi @everyone and @here, <@123>, <@&456>, <#789>, </ask:1>');
    expect(escaped).not.toMatch(/@everyone|@here|<@\d|<@&|<#\d|<\/ask/);
    expect(escaped.replaceAll('\u200b', '')).toBe(
      'Hi @everyone and @here, <@123>, <@&456>, <#789>, </ask:1>',
    );
  });

  it('returns markdown and masked links escaped when an article contains them', () => {
    expect(escapeForDiscord('**bold** _it_ ||spoiler|| `code` ~~gone~~')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\|\\|spoiler\\|\\| \\`code\\` \\~\\~gone\\~\\~',
    );
    expect(escapeForDiscord('[click me](https://evil.example)')).toBe('[click me]\\(https://evil.example)');
    expect(escapeForDiscord('# Heading\n> quote\n- item\n1. first\n-# small')).toBe(
      '\\# Heading\n\\> quote\n\\- item\n1\\. first\n\\-# small',
    );
  });

  it('returns citation markers unchanged', () => {
    expect(escapeForDiscord('Talks in Muscat [1], then Istanbul [2].')).toBe(
      'Talks in Muscat [1], then Istanbul [2].',
    );
  });
});

describe('formatMaskedLink', () => {
  it('returns a masked link with brackets and parentheses made harmless', () => {
    expect(formatMaskedLink('A [b]', 'https://example.org/a_(b)')).toBe(
      '[A \\[b\\]](https://example.org/a_%28b%29)',
    );
  });

  it('returns undefined when the address is not http(s) or is malformed', () => {
    expect(formatMaskedLink('x', 'javascript:alert(1)')).toBeUndefined();
    expect(formatMaskedLink('x', 'not a url')).toBeUndefined();
    expect(formatMaskedLink('x', null)).toBeUndefined();
  });
});
