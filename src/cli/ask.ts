import { randomUUID } from 'node:crypto';
import { askInConversation } from '../conversation/askInConversation.js';
import { formatAnswer } from './formatAnswer.js';
import { askUsage, parseAskArguments } from './parseAskArguments.js';
import { refreshKnowledge } from './refreshKnowledge.js';
import { openCommandLineContext, runCommandLine } from './runCommandLine.js';

runCommandLine(async () => {
  const options = parseAskArguments(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${askUsage}\n`);
    return 0;
  }
  const context = openCommandLineContext();
  try {
    await refreshKnowledge(context);
    const answer = await askInConversation(context, {
      question: options.question,
      scope: { key: 'cli' },
      conversationId: options.conversationId ?? randomUUID(),
      ...(options.today !== undefined && { today: options.today }),
    });
    process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
    return 0;
  } finally {
    await context.vectorIndex?.close();
    context.database.close();
  }
});
