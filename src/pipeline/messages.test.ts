import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configurableRules, isConfigurable, isRuleId, rules } from './messages.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const messagesSection = readme.slice(
  readme.indexOf('\n## Messages'),
  readme.indexOf('\n## What the build writes'),
);

describe('rule ids', () => {
  it('should document every rule id in the README messages table', () => {
    // Act
    const missing = Object.keys(rules).filter((rule) => !messagesSection.includes(`| \`${rule}\``));

    // Assert
    expect(missing).toEqual([]);
  });

  it('should let only known rules be configured, and never an error such as quote-not-found', () => {
    // Assert
    expect(configurableRules.every((rule) => isRuleId(rule))).toBe(true);
    expect(isConfigurable('quote-not-found')).toBe(false);
    expect(isConfigurable('unknown-check')).toBe(false);
    expect(isConfigurable('verdict-without-citation')).toBe(true);
    expect(isRuleId('toString')).toBe(false);
  });
});
