import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { askInConversation } from '../conversation/askInConversation.js';
import { ensureKnowledgeFresh } from '../knowledge/knowledgeFingerprint.js';
import { formatAnswer } from './formatAnswer.js';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage = 'usage: npm run ask -- [--json] [--conversation <id>] "your question"';

runCommandLine(async () => {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      conversation: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: false,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const unknown = Object.keys(values).filter((name) => !['json', 'conversation', 'help'].includes(name));
  if (values.conversation !== undefined && typeof values.conversation !== 'string') {
    throw new UsageError(`--conversation needs an id; ${usage}`);
  }
  if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]}; ${usage}`);
  const question = positionals.join(' ');
  if (question.trim() === '') throw new UsageError(`no question given; ${usage}`);

  const context = openCommandLineContext();
  try {
    await ensureKnowledgeFresh(context);
    const answer = await askInConversation(context, {
      question,
      scope: { key: 'cli' },
      conversationId: values.conversation || randomUUID(),
    });
    process.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
    return 0;
  } finally {
    context.database.close();
  }
});
