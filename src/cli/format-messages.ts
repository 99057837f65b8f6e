/**
 * One line per problem, as the contract asks:
 *   FILE:LINE:COLUMN: error|warning MESSAGE [rule-id]
 * FILE relative to the working folder; messages sorted by position within each file.
 *
 * With `excerpts` (a terminal, or `--verbose`), each line is followed by indented lines that
 * show where the problem is (`excerpt.ts`); the first line of each problem stays the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { messageExcerpt } from './excerpt.ts';

export interface FormatOptions {
  /** Show the file's line and, for a quote that missed, the article's text under each problem. */
  excerpts?: boolean;
  /** Colour the excerpts (ANSI escapes); the problem lines themselves are never coloured. */
  color?: boolean;
}

export function formatMessages(files: readonly VFile[], options: FormatOptions = {}): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const messages = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    let source: string | undefined;
    for (const message of messages) {
      const severity = message.fatal === true ? 'error' : 'warning';
      const rule = message.ruleId ? ` [${message.ruleId}]` : '';
      const reason = message.reason.replace(/\s*\n\s*/gu, ' ');
      lines.push(`${file.path}:${message.line ?? 1}:${message.column ?? 1}: ${severity} ${reason}${rule}`);
      if (options.excerpts) {
        source ??= textOf(file);
        lines.push(...messageExcerpt(source, message, { color: options.color ?? false }));
      }
    }
  }
  return lines;
}

/** The file's text: its value, or read again from disk (a build's messages may come without it). */
function textOf(file: VFile): string | undefined {
  if (typeof file.value === 'string' && file.value !== '') return file.value;
  try {
    return readFileSync(path.resolve(file.cwd, file.path), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether to colour what goes to `stream`: never under `NO_COLOR`, always under `FORCE_COLOR`
 * (other than `0` or `false`), else when the stream is a terminal that has colours.
 */
export function useColor(
  stream: { isTTY?: boolean; hasColors?: () => boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true && (stream.hasColors?.() ?? false);
}

/** "2 errors, 1 warning" — or undefined when there is nothing to say. */
export function summarize(files: readonly VFile[]): string | undefined {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors += 1;
      else warnings += 1;
    }
  }
  if (errors + warnings === 0) return undefined;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
}
