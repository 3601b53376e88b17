import { escapeForDiscord } from './escapeForDiscord.js';

/**
 * Shows an article's publication date as `YYYY-MM-DD` (its ISO date part), the unambiguous form for
 * readers in every locale; a value that is not ISO is shown escaped as it is, and a missing one as
 * "undated".
 */
export function formatDate(published: string | null): string {
  if (!published) return 'undated';
  const isoDate = /^\d{4}-\d{2}-\d{2}/.exec(published);
  return isoDate ? isoDate[0] : escapeForDiscord(published.slice(0, 32));
}
