import { describe, expect, it } from 'vitest';
import { groupNearDuplicates } from '../../src/evidence/groupNearDuplicates.js';

const wireCopy = `Delegations from the three river states are due to gather for a water-sharing summit next week.
The summit was initially planned for Geneva, with foreign ministers attending. Organisers dropped that plan,
citing security concerns raised by two delegations. The summit will now take place in Vienna on Monday, a
spokesperson for the organisers said. Officials expect the talks to last three days.`;

// The same wire story as another outlet runs it: its own intro line, British spellings, a trimmed ending.
const republished = `VIENNA (Daily Post) — Delegations from the three river states are due to gather for a water-sharing
summit next week. The summit was initially planned for Geneva, with foreign ministers attending. Organisers
dropped that plan, citing security concerns raised by two delegations. The summit will now take place in
Vienna on Monday, a spokesperson for the organisers said.`;

const ownReport = `Foreign ministers will not attend the Vienna summit on water sharing, two diplomats told us, after
security concerns moved the meeting from Geneva. The three river states disagree on dam releases.`;

describe('groupNearDuplicates', () => {
  it('returns one group when the same story is republished with edits by another outlet', () => {
    const groups = groupNearDuplicates(['wire', 'daily', 'own'], (name) =>
      name === 'wire' ? wireCopy : name === 'daily' ? republished : ownReport,
    );
    expect(groups).toEqual([['wire', 'daily'], ['own']]);
  });

  it('returns separate groups when different reports share names and places', () => {
    expect(groupNearDuplicates([wireCopy, ownReport], (text) => text)).toHaveLength(2);
  });

  it('groups transitively when each copy is close only to the next', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`);
    const shifted = (from: number) => words.slice(from, from + 30).join(' ');
    expect(groupNearDuplicates([shifted(0), shifted(5), shifted(10)], (text) => text)).toHaveLength(1);
  });
});
