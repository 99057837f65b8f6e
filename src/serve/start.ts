/**
 * `npm start`: `marginalia serve --watch --edit`, so that an editor gets the workbench at once.
 * It takes the options of `marginalia serve`, and `--articles DIR` for the articles' folder. With
 * a `--host` other than this machine it serves without edit mode (which is for this machine only).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main.ts';

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

/** The `marginalia serve` command line that `npm start ARGS` runs. */
export function startArgs(argv: readonly string[]): string[] {
  const args: string[] = [];
  let host = '127.0.0.1';
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--articles' || arg.startsWith('--articles=')) {
      const value = arg === '--articles' ? argv[++index] : arg.slice('--articles='.length);
      if (value !== undefined) args.push(value);
      continue;
    }
    if (arg === '--host') host = argv[index + 1] ?? host;
    else if (arg.startsWith('--host=')) host = arg.slice('--host='.length);
    args.push(arg);
  }
  const modes = ['--watch', ...(loopback.has(host) ? ['--edit'] : [])];
  return ['serve', ...modes, ...args];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(startArgs(process.argv.slice(2)));
}
