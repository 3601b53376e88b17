import { parentPort } from 'node:worker_threads';
import type { ArticlesToParse } from './filePreparer.js';
import { prepareArticle } from './prepareKnowledgeFile.js';

// The worker thread started by `prepareInOrder`: each message is one batch of files read on the main
// thread, answered with their prepared results in the same order. Messages are handled one at a time,
// so the replies keep their order.
parentPort?.on('message', ({ files, ends, bytes }: ArticlesToParse) => {
  const all = Buffer.from(bytes);
  parentPort?.postMessage(
    files.map((file, index) => prepareArticle(file, all.subarray(ends[index - 1] ?? 0, ends[index]))),
  );
});
