import { buildTimeline, type Timeline } from '../story/buildTimeline.js';
import { describeTimeline, formatEntryDate } from '../story/describeTimeline.js';
import { formatSource } from './formatAnswer.js';
import { parseToolOptions } from './parseToolOptions.js';
import { readDateOption } from './readDateOption.js';
import { refreshKnowledge } from './refreshKnowledge.js';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage = 'usage: npm run timeline -- [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]';

/**
 * The timeline as a person reads it in a terminal: the heading, one cited line per development
 * (`13 October · Outlet, Outlet: «sentence» [1]`), then the numbered sources.
 */
function formatTimeline(timeline: Timeline): string {
  const more = timeline.omitted > 0 ? ' Add --until YYYY-MM-DD to see the older ones.' : '';
  const heading = `Timeline: ${describeTimeline(timeline)}${more}\n`;
  if (timeline.entries.length === 0) return heading;
  const lines = timeline.entries.map((entry, index) => {
    const outlets = entry.outlets.join(', ') || 'Unknown outlet';
    return `${formatEntryDate(entry.date, timeline)} · ${outlets}: «${entry.point.text}» [${index + 1}]`;
  });
  const sources = timeline.entries.map((entry, index) =>
    formatSource({
      n: index + 1,
      title: entry.title,
      source: entry.outlets.join(', ') || null,
      published: entry.date,
      ...(entry.url ? { url: entry.url } : {}),
    }),
  );
  return `${heading}\n${lines.join('\n')}\n\nSources\n${sources.join('\n')}\n`;
}

// Prints the story's developments by publish date, from what `knowledge/` holds after a refresh.
runCommandLine(async () => {
  const values = parseToolOptions(
    { since: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean', default: false } },
    usage,
  );
  if (!values) return 0;
  const since = readDateOption(values, 'since', usage);
  const until = readDateOption(values, 'until', usage);
  if (since && until && since > until)
    throw new UsageError(`--since ${since} is after --until ${until}; ${usage}`);
  const context = openCommandLineContext();
  try {
    await refreshKnowledge(context);
    const timeline = buildTimeline(context.database, { ...(since && { since }), ...(until && { until }) });
    process.stdout.write(values.json ? `${JSON.stringify(timeline, null, 2)}\n` : formatTimeline(timeline));
    return 0;
  } finally {
    context.database.close();
  }
});
