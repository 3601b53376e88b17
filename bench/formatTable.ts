import type { SizeResult } from './runSize.js';

// Two significant digits, so a ratio far below 1 (0.0043×) does not print as 0.00×.
function ratio(ours: number, baseline: number): string {
  return baseline > 0 ? `${Number((ours / baseline).toPrecision(2))}×` : 'n/a';
}

function growth(results: readonly SizeResult[], figure: (result: SizeResult) => number): string {
  const first = results[0];
  const last = results.at(-1);
  if (!first || !last || results.length < 2 || figure(first) === 0) return '';
  return `${(figure(last) / figure(first)).toFixed(1)}×`;
}

const hybrid = (result: SizeResult) => result.hybrid as NonNullable<SizeResult['hybrid']>;
const hybridRows: [string, (result: SizeResult) => number | string][] = [
  ['vector index build, ms', (result) => hybrid(result).buildMs],
  ['vector index load, ms', (result) => hybrid(result).loadMs],
  ['vector index file, MB', (result) => hybrid(result).indexFileMb],
  [
    'vector search p50 / p99, ms',
    (result) => `${hybrid(result).vectorSearch.p50} / ${hybrid(result).vectorSearch.p99}`,
  ],
  ['vector recall@10 vs exact', (result) => hybrid(result).recallAt10],
  ['planted passage first', (result) => hybrid(result).plantedFirst],
  ['BM25 alone p50 / p99, ms', (result) => `${hybrid(result).bm25.p50} / ${hybrid(result).bm25.p99}`],
  ['hybrid p50 / p99, ms', (result) => `${hybrid(result).hybrid.p50} / ${hybrid(result).hybrid.p99}`],
  ['hybrid max, ms', (result) => hybrid(result).hybrid.max],
  [
    'event loop delay max BM25 / hybrid, ms',
    (result) => `${hybrid(result).bm25.eventLoopDelayMaxMs} / ${hybrid(result).hybrid.eventLoopDelayMaxMs}`,
  ],
  ['peak RSS hybrid serving, MB', (result) => hybrid(result).peakRssMb],
];

/**
 * The benchmark as a Markdown table: one row per figure, one column per corpus size, then the growth
 * from the smallest to the largest size. Times in ms, sizes in MB, ratios ours / MiniSearch; with
 * `--embeddings`, the hybrid retrieval rows follow.
 */
export function formatTable(results: readonly SizeResult[]): string {
  const rows: [string, (result: SizeResult) => number | string][] = [
    ['ingest, passages/s', (result) => result.ours.ingestPassagesPerSecond],
    ['index on disk, MB', (result) => result.ours.indexMb],
    ['retrieval p50, ms', (result) => result.ours.retrieval.p50],
    ['retrieval p99, ms', (result) => result.ours.retrieval.p99],
    ['retrieval max, ms', (result) => result.ours.retrieval.max],
    ['ask p50, ms', (result) => result.ours.ask.p50],
    ['ask p99, ms', (result) => result.ours.ask.p99],
    ['peak RSS serving, MB', (result) => result.ours.peakRssMb],
    [
      'MiniSearch build, passages/s',
      (result) => Math.round(result.passages / (result.miniSearch.buildMs / 1000)),
    ],
    ['MiniSearch query p50, ms', (result) => result.miniSearch.query.p50],
    ['MiniSearch query p99, ms', (result) => result.miniSearch.query.p99],
    ['MiniSearch index heap, MB', (result) => result.miniSearch.indexMb],
    ['MiniSearch peak RSS, MB', (result) => result.miniSearch.peakRssMb],
    [
      'retrieval p50 ours/MiniSearch',
      (result) => ratio(result.ours.retrieval.p50, result.miniSearch.query.p50),
    ],
    [
      'retrieval p99 ours/MiniSearch',
      (result) => ratio(result.ours.retrieval.p99, result.miniSearch.query.p99),
    ],
    ['peak RSS ours/MiniSearch', (result) => ratio(result.ours.peakRssMb, result.miniSearch.peakRssMb)],
  ];
  if (results.every((result) => result.hybrid)) rows.push(...hybridRows);
  const header = `| passages | ${results.map((result) => result.passages.toLocaleString('en-US')).join(' | ')} | growth |`;
  const rule = `|---|${results.map(() => '---:').join('|')}|---:|`;
  const lines = rows.map(([label, figure]) => {
    const numeric = typeof figure(results[0] as SizeResult) === 'number';
    const grown = numeric ? growth(results, (result) => figure(result) as number) : '';
    return `| ${label} | ${results.map((result) => String(figure(result))).join(' | ')} | ${grown} |`;
  });
  return [header, rule, ...lines].join('\n');
}
