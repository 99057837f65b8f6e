/**
 * Running measurements in fresh processes, and the statistics of their samples.
 */
import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildResult } from './child.ts';

export const repository = fileURLToPath(new URL('../', import.meta.url));
/** The `--import` that runs TypeScript through tsx (as `bin/marginalia.js` does), from any folder. */
export const tsxImport = ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
const child = fileURLToPath(new URL('child.ts', import.meta.url));

/** The median of the samples (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Runs `bench/child.ts` with these arguments in a fresh Node.js process (with tsx's loader). */
export function runChild(args: readonly string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...tsxImport, child, ...args],
      { cwd: repository, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`bench/child.ts ${args.join(' ')} failed: ${stderr || error.message}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildResult);
        } catch {
          reject(new Error(`bench/child.ts ${args.join(' ')} printed no result: ${stdout}${stderr}`));
        }
      },
    );
  });
}

export interface Timed {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, timing it from start to exit (wall clock). */
export function timeCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const process_ = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('error', reject);
    process_.on('close', (code) =>
      resolve({ ms: performance.now() - start, code: code ?? 1, stdout, stderr }),
    );
  });
}
