import { describe, expect, it } from 'vitest';
import { removeMentions } from '../../src/discord/removeMentions.js';

describe('removeMentions', () => {
  it('returns the question without user, role and channel mentions or @everyone/@here', () => {
    expect(removeMentions('<@123456789012345678> where are the talks being held?')).toBe(
      'where are the talks being held?',
    );
    expect(removeMentions('<@!1234> <@&5678>, where? <#91011> @everyone @here')).toBe('where?');
  });

  it('returns the question without the bot name typed as plain text, in any case', () => {
    expect(removeMentions('@newsdesk where are the talks?', ['newsdesk'])).toBe('where are the talks?');
    expect(removeMentions('@NewsDesk: where?', ['newsdesk'])).toBe('where?');
    expect(removeMentions('what did @newsdesk-fan say? mail a@here.com', ['newsdesk'])).toBe(
      'what did @newsdesk-fan say? mail a@here.com',
    );
  });

  it('returns an empty string when the message is only mentions', () => {
    expect(removeMentions('<@1> @newsdesk @here', ['newsdesk'])).toBe('');
  });
});
