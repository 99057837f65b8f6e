/**
 * Report problems as vfile messages, the unified way: a reason that says how to fix it, a place,
 * a rule id from `messages.ts`, and `source: 'marginalia'`. Errors are fatal messages
 * (`fatal: true`), which fail the article; warnings are not.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point } from '../claims/types.ts';
import type { RuleId } from './messages.ts';

export function error(file: VFile, reason: string, place: Point | undefined, ruleId: RuleId): VFileMessage {
  const message = file.message(reason, { ...(place ? { place } : {}), ruleId, source: 'marginalia' });
  message.fatal = true;
  return message;
}

export function warning(file: VFile, reason: string, place: Point | undefined, ruleId: RuleId): VFileMessage {
  return file.message(reason, { ...(place ? { place } : {}), ruleId, source: 'marginalia' });
}

/** Whether any message on these files is an error. */
export function hasErrors(files: Iterable<VFile>): boolean {
  for (const file of files) if (file.messages.some((message) => message.fatal === true)) return true;
  return false;
}
