/**
 * The claims file's own levels for the editorial checks: `checks:` maps a rule id to `off`,
 * `warning` or `error`. Only the rules in `configurableRules` can be configured; any other id
 * under `checks:` gets a warning (with the editorial check it was probably meant to be) and is
 * ignored.
 */
import { configurableRules, isConfigurable, isRuleId } from '../pipeline/messages.ts';
import type { ConfigurableRule } from '../pipeline/messages.ts';
import { closest } from './closest.ts';
import { alternatives, show } from './describe.ts';
import { report } from './problems.ts';
import type { CheckContext } from './problems.ts';
import { childPointer, isRecord } from './tree.ts';
import type { CheckLevel } from './types.ts';

/** The levels a claims file sets, from its data (values of the wrong kind were reported by the schema). */
export function readLevels(data: unknown): Map<ConfigurableRule, CheckLevel> {
  const levels = new Map<ConfigurableRule, CheckLevel>();
  if (!isRecord(data) || !isRecord(data.checks)) return levels;
  for (const [rule, level] of Object.entries(data.checks)) {
    if (isConfigurable(rule) && isLevel(level)) levels.set(rule, level);
  }
  return levels;
}

/** Warn about each id under `checks:` that names no editorial check. */
export function checkLevels(context: CheckContext): void {
  const data = context.tree.data;
  if (!isRecord(data) || !isRecord(data.checks)) return;
  for (const rule of Object.keys(data.checks)) {
    if (isConfigurable(rule)) continue;
    const pointer = childPointer('/checks', rule);
    if (isRuleId(rule)) {
      report(
        context,
        pointer,
        'unknown-check',
        `${show(rule)} is not an editorial check, so checks: cannot change it (it is ignored): only ${alternatives([...configurableRules])} can be configured`,
        { at: 'key', actual: rule },
      );
      continue;
    }
    const suggestion = closest(rule, configurableRules);
    const fix = suggestion
      ? `did you mean ${show(suggestion)}?`
      : `the editorial checks are ${alternatives([...configurableRules])}`;
    report(
      context,
      pointer,
      'unknown-check',
      `${show(rule)} under checks: is not the id of an editorial check (it is ignored): ${fix}`,
      { at: 'key', actual: rule, ...(suggestion ? { expected: [suggestion] } : {}) },
    );
  }
}

function isLevel(value: unknown): value is CheckLevel {
  return value === 'off' || value === 'warning' || value === 'error';
}
