import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskInput, TaskOutput } from './task.ts';

/** Worker threads that fail as they load, as a worker whose module is missing does. */
vi.mock('node:worker_threads', () => ({
  Worker: class extends EventEmitter {
    constructor() {
      super();
      setTimeout(() => this.emit('error', new Error('Cannot find module worker.js')));
    }
    postMessage(): void {}
    terminate(): Promise<number> {
      return Promise.resolve(1);
    }
  },
}));

/** Each article takes a while on this thread, so the workers' failures come in meanwhile. */
vi.mock('./task.ts', () => ({
  runTask: async (input: TaskInput): Promise<TaskOutput> => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return {
      article: { slug: input.paths.slug, title: input.paths.slug, files: [], ok: true, claims: 0 },
      dependencies: [],
    } as unknown as TaskOutput;
  },
  failArticle: () => {
    throw new Error('no article fails here');
  },
}));

afterEach(() => {
  vi.resetModules();
});

describe('runInParallel', () => {
  it('should build everything on this thread when no worker starts, and say why', async () => {
    // Arrange
    const { runInParallel } = await import('./pool.ts');
    const inputs = ['a', 'b', 'c', 'd'].map(
      (slug) => ({ paths: { slug, article: `${slug}.txt` }, options: {} }) as unknown as TaskInput,
    );
    const done: number[] = [];

    // Act
    const run = await runInParallel(inputs, 3, (index) => done.push(index));

    // Assert
    expect(done.sort()).toEqual([0, 1, 2, 3]);
    expect(run).toEqual({ workers: 0, failure: 'Cannot find module worker.js' });
  });
});
