/**
 * One line per problem, as the contract asks:
 *   FILE:LINE:COLUMN: error|warning MESSAGE [rule-id]
 * FILE relative to the working folder; messages sorted by position within each file.
 */
import type { VFile } from 'vfile';

export function formatMessages(files: readonly VFile[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const messages = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    for (const message of messages) {
      const severity = message.fatal === true ? 'error' : 'warning';
      const rule = message.ruleId ? ` [${message.ruleId}]` : '';
      const reason = message.reason.replace(/\s*\n\s*/gu, ' ');
      lines.push(`${file.path}:${message.line ?? 1}:${message.column ?? 1}: ${severity} ${reason}${rule}`);
    }
  }
  return lines;
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
