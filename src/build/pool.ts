/**
 * Build articles on every core: this thread and `jobs - 1` worker threads (`worker.ts`) take
 * articles from one queue, each the next one as soon as it is free. This thread starts at once,
 * while the workers load, so a small build never waits for them; a large one keeps every core
 * busy. Results come back in the order they finish; the caller puts them in article order.
 *
 * The sources are TypeScript run through tsx: a worker registers tsx's loader before it loads
 * `worker.ts` (a worker does not inherit the main thread's loader). A worker holds at most two
 * articles (the one it builds and the next), so that it has work while this thread is busy.
 * A worker that dies takes only the article it was building with it (that article fails with
 * an `internal-error`); the next one goes back to the queue and a new worker is started. When
 * no worker can start, this thread builds everything.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { failArticle, runTask, type TaskInput } from './task.ts';
import { toRecord, type ArticleRecord } from './records.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/** How a run used the threads: the workers that started, and why others could not. */
export interface PoolRun {
  /** Worker threads that loaded and took articles (0: this thread built them all). */
  workers: number;
  /** The first reason a worker could not start, when none did. */
  failure?: string;
}

export interface PoolResult {
  record: ArticleRecord;
  dependencies: string[] | undefined;
}

/**
 * The worker's module beside this one: `worker.ts` in the sources, `worker.js` when compiled
 * (by tsc into dist/build/, or by the package build into dist/bin/, where this module's chunk
 * sits beside the worker's entry).
 */
export const workerUrl = new URL(
  import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js',
  import.meta.url,
);
/** Articles a worker holds at once. */
const depth = 2;

/** The module that registers tsx's loader (`tsx/esm/api`, its ES module build). */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = exports['./esm/api']?.import?.default;
  if (!entry) throw new Error('tsx no longer exports tsx/esm/api as an ES module');
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
}

function startWorker(): Worker {
  if (!fileURLToPath(workerUrl).endsWith('.ts')) return new Worker(workerUrl);
  const code = `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => {
  register();
  return import(${JSON.stringify(workerUrl.href)});
});`;
  return new Worker(code, { eval: true });
}

/** A failed result for an article whose worker died under it. */
function died(input: TaskInput, cause: unknown): PoolResult {
  const reason = cause instanceof Error ? cause.message : `the worker thread stopped (${String(cause)})`;
  const article = failArticle(
    input.paths,
    [],
    `The build of this article stopped on an internal error: ${reason}`,
    'internal-error',
    input.options.cwd ?? process.cwd(),
  );
  return { record: toRecord(article, input.paths), dependencies: undefined };
}

/**
 * Runs every input on this thread and up to `jobs - 1` worker threads, and calls
 * `done(index, result)` as each finishes. Resolves when all are done, with how many workers
 * started (a worker that cannot start is not an article's failure: this thread builds its
 * share, and the caller can say why).
 */
export function runInParallel(
  inputs: readonly TaskInput[],
  jobs: number,
  done: (index: number, result: PoolResult) => void,
): Promise<PoolRun> {
  const queue = inputs.map((_, index) => index);
  let remaining = inputs.length;
  /** Workers that may still be started after one died (a crash loop ends here). */
  let restarts = jobs * 2;
  let localBusy = false;
  const workers = new Set<Worker>();
  let ready = 0;
  let failure: string | undefined;
  // A worker started again after one died takes its place: no more than `jobs - 1` at once.
  const run = (): PoolRun =>
    ready > 0 || failure === undefined ? { workers: Math.min(ready, jobs - 1) } : { workers: 0, failure };

  return new Promise<PoolRun>((resolve, reject) => {
    const finish = (index: number, result: PoolResult): void => {
      remaining -= 1;
      done(index, result);
      if (remaining > 0) return;
      // Workers still loading have nothing left to do.
      for (const worker of workers) void worker.terminate();
      resolve(run());
    };

    /** This thread's share: takes articles from the queue until it is empty. */
    const drainLocally = async (): Promise<void> => {
      if (localBusy) return;
      localBusy = true;
      try {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
          const input = inputs[index];
          if (!input) continue;
          const { article, dependencies } = await runTask(input);
          finish(index, { record: toRecord(article, input.paths), dependencies });
          // Let the workers' messages in between two articles.
          await new Promise((next) => setImmediate(next));
        }
      } finally {
        localBusy = false;
      }
    };

    const spawn = (): void => {
      const worker = startWorker();
      workers.add(worker);
      const held: number[] = [];
      let started = false;
      let ended = false;
      const feed = (): void => {
        while (held.length < depth && queue.length > 0) {
          const index = queue.shift() as number;
          const input = inputs[index];
          if (!input) continue;
          held.push(index);
          worker.postMessage({ id: index, input } satisfies WorkerRequest);
        }
        if (held.length === 0) void worker.terminate();
      };
      const end = (cause: unknown): void => {
        if (ended) return;
        ended = true;
        workers.delete(worker);
        const [lost, ...untouched] = held.splice(0);
        queue.unshift(...untouched);
        const input = lost === undefined ? undefined : inputs[lost];
        if (!started) failure ??= cause instanceof Error ? cause.message : String(cause);
        if (lost !== undefined && input) finish(lost, died(input, cause));
        if (queue.length === 0) return;
        if (started && restarts > 0) {
          restarts -= 1;
          spawn();
        }
        drainLocally().catch(reject);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          started = true;
          ready += 1;
        } else {
          const at = held.indexOf(reply.id);
          if (at === -1) return;
          held.splice(at, 1);
          finish(reply.id, { record: reply.record, dependencies: reply.dependencies });
        }
        feed();
      });
      worker.on('error', (cause) => end(cause));
      worker.on('exit', (code) => end(`exit code ${code}`));
    };

    if (remaining === 0) {
      resolve(run());
      return;
    }
    for (let count = 0; count < Math.min(jobs - 1, inputs.length - 1); count += 1) spawn();
    drainLocally().catch(reject);
  });
}
