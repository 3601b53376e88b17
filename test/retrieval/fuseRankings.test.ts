import { describe, expect, it } from 'vitest';
import { fuseRankings, interleaveRankings } from '../../src/retrieval/fuseRankings.js';

describe('fuseRankings', () => {
  it('ranks first an item both rankings place well over one that only one ranking places first', () => {
    const fused = fuseRankings(
      [
        ['a', 'b', 'c'],
        ['b', 'd', 'a'],
      ],
      (item) => item,
    );
    expect(fused.map((entry) => entry.item)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('returns each item once with the reciprocal-rank score for k = 60', () => {
    const fused = fuseRankings([['a'], ['a']], (item) => item);
    expect(fused).toEqual([{ item: 'a', score: 2 / 61 }]);
  });

  it('returns nothing for no rankings', () => {
    expect(fuseRankings<string>([[], []], (item) => item)).toEqual([]);
  });
});

describe('interleaveRankings', () => {
  it("keeps each ranking's best item near the top, even one only a single ranking finds", () => {
    const merged = interleaveRankings(
      [
        ['a', 'b', 'c'],
        ['z', 'a', 'b'],
      ],
      (item) => item,
    );
    expect(merged).toEqual(['a', 'z', 'b', 'c']);
  });
});
