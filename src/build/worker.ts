/**
 * A build worker thread: compiles and writes the articles the main thread sends, one at a time
 * in the order they came, and sends back each one's record (messages, title, claim count) and dependencies.
 * `pool.ts` starts it; it says `ready` once its modules are loaded.
 */
import { parentPort } from 'node:worker_threads';
import { toRecord, type ArticleRecord } from './records.ts';
import { runTask, type TaskInput } from './task.ts';

export interface WorkerRequest {
  id: number;
  input: TaskInput;
}

export type WorkerReply =
  { type: 'ready' } | { type: 'done'; id: number; record: ArticleRecord; dependencies: string[] | undefined };

const port = parentPort;
if (port) {
  // One article at a time, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      const { article, dependencies } = await runTask(request.input);
      const reply: WorkerReply = {
        type: 'done',
        id: request.id,
        record: toRecord(article, request.input.paths),
        dependencies,
      };
      port.postMessage(reply);
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
