/**
 * Problems found while checking a claims file, collected before they become vfile messages so
 * that they can be sorted by place and so that the document can leave out what they spoil.
 */
import { configurableRules, isConfigurable } from '../pipeline/messages.ts';
import type { ConfigurableRule, RuleId } from '../pipeline/messages.ts';
import type { Format } from './describe.ts';
import { placeOf } from './tree.ts';
import type { SourceTree } from './tree.ts';
import type { CheckLevel, Point } from './types.ts';

export interface Problem {
  /** The value at fault (for a missing field, the mapping that lacks it). */
  pointer: string;
  place: Point;
  ruleId: RuleId;
  /** One sentence: what is wrong, then how to fix it. */
  reason: string;
  /** `true` for errors; warnings leave the value in the document. */
  fatal: boolean;
  /** Suggested replacement values ("did you mean"). */
  expected?: string[];
  /** The value found, when it is a short piece of text. */
  actual?: string;
}

/** What every check reads and adds to. */
export interface CheckContext {
  readonly tree: SourceTree;
  readonly format: Format;
  readonly problems: Problem[];
  /** The claims file's own levels for the editorial checks (`checks:`); the rest keep their default. */
  readonly levels?: ReadonlyMap<ConfigurableRule, CheckLevel>;
}

/** Rules that are warnings: the file is still usable as it is. */
const warningRules: ReadonlySet<RuleId> = new Set<RuleId>([
  'unknown-field',
  'unknown-check',
  'no-claims',
  ...configurableRules,
]);

export interface ReportOptions {
  /** Point at the key of a mapping entry rather than at its value. */
  at?: 'key' | 'value';
  expected?: string[];
  actual?: string;
}

/**
 * Add a problem, unless it is an editorial check that the claims file turned off (an editorial
 * check the file made an error is fatal). Nothing is placed for a problem that is not reported.
 */
export function report(
  context: CheckContext,
  pointer: string,
  ruleId: RuleId,
  reason: string,
  options: ReportOptions = {},
): void {
  const level = levelOf(context, ruleId);
  if (level === 'off') return;
  const problem: Problem = {
    pointer,
    place: placeOf(context.tree, pointer, options.at ?? 'value'),
    ruleId,
    reason,
    fatal: level === 'error',
  };
  if (options.expected) problem.expected = options.expected;
  if (options.actual !== undefined) problem.actual = options.actual;
  context.problems.push(problem);
}

/** What a problem of `ruleId` is in this claims file: its own level, or the rule's default. */
export function levelOf(context: CheckContext, ruleId: RuleId): CheckLevel {
  const own = isConfigurable(ruleId) ? context.levels?.get(ruleId) : undefined;
  return own ?? (warningRules.has(ruleId) ? 'warning' : 'error');
}

/** Whether an error (not a warning) was reported at `pointer` or inside it. */
export function hasErrorWithin(context: CheckContext, pointer: string): boolean {
  return context.problems.some(
    (problem) => problem.fatal && (problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`)),
  );
}
