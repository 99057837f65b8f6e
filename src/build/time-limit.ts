/**
 * Run a synchronous piece of work for at most so many milliseconds.
 *
 * Some inputs make a step run for minutes (micromark's time grows with the square of some
 * constructs: long runs of `*` or `[`, thousands of setext headings), and no check between
 * steps can stop a step that is running. V8 can: `vm`'s `timeout` has a watchdog thread
 * terminate whatever JavaScript runs on this thread once the time is up, code of this context
 * included, and then throws here. The termination cannot be caught by the work's own `try`
 * blocks; it unwinds the whole call, and the thread goes on as before.
 *
 * What a stop half-way could leave behind: nothing the next article reads. The compile keeps
 * its state in the files and trees it makes; the citation cache (`../cite/format.ts`) stores a
 * result only once it is complete, and citation-js resets its engine's items on every use.
 */
import vm from 'node:vm';

/** The work ran out of time. */
export class TimeLimitExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`took longer than ${limitMs} ms`);
    this.name = 'TimeLimitExceeded';
  }
}

/** The script that calls the work, and the context it runs in: made once, on first use. */
let runner: { script: vm.Script; context: vm.Context & { work?: () => unknown } } | undefined;

/**
 * `work()`'s result, or a {@link TimeLimitExceeded} thrown once `limitMs` milliseconds have
 * passed. Errors the work throws come out as they are. Not re-entrant.
 */
export function withinTime<T>(limitMs: number, work: () => T): T {
  runner ??= { script: new vm.Script('work()'), context: vm.createContext({}) };
  const { script, context } = runner;
  context.work = work;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.ceil(limitMs)) }) as T;
  } catch (cause) {
    if ((cause as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new TimeLimitExceeded(limitMs);
    }
    throw cause;
  } finally {
    delete context.work;
  }
}
