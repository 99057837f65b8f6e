import { describe, expect, it } from 'vitest';
import { messageExcerpt } from './excerpt.ts';
import { useColor } from './format-messages.ts';

const claims = [
  'claims:',
  '  - id: sora',
  '    quote: "Sora\'s capabilities" # copied',
  '    kind: fact',
].join('\n');

describe('messageExcerpt', () => {
  it('should underline the value on its line and mark the characters that differ, without colour', () => {
    // Act
    const lines = messageExcerpt(
      claims,
      { line: 3, column: 12, actual: "Sora's capabilities", expected: ['Sora’s capabilities'] },
      { color: false },
    );

    // Assert
    expect(lines).toEqual([
      '         |',
      '       3 |     quote: "Sora\'s capabilities" # copied',
      '         |            ^^^^^^^^^^^^^^^^^^^^^',
      "   quote | Sora's capabilities",
      '         |     ^',
      ' article | Sora’s capabilities',
      '         |     ^',
    ]);
  });

  it('should show characters that cannot be seen by their code points', () => {
    const lines = messageExcerpt(
      undefined,
      { actual: 'cooperative', expected: ['co\u00adoperative'] },
      { color: false },
    );
    expect(lines.slice(-2)).toEqual([' article | co⟨U+00AD⟩operative', '         |   ^^^^^^^^']);
  });

  it('should colour the marks and the gutter when asked, and only then', () => {
    const message = { line: 3, column: 12, actual: "Sora's", expected: ['Sora’s'] };
    const coloured = messageExcerpt(claims, message, { color: true }).join('\n');
    const plain = messageExcerpt(claims, message, { color: false }).join('\n');
    expect(coloured).toContain('\u001b[1;32m’\u001b[0m');
    expect(plain).not.toContain('\u001b');
  });

  it('should cut a long line to the stretches around the marks', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    const lines = messageExcerpt(
      undefined,
      { actual: words, expected: [words.replace('word30', 'w0rd30')] },
      { color: false },
    );
    const article = lines.find((line) => line.startsWith(' article'));
    expect(article).toMatch(/^ article \| ….*w0rd30.*…$/u);
    expect(article?.length).toBeLessThan(130);
  });

  it('should begin every line with white space, so that no excerpt reads as a problem line', () => {
    const lines = messageExcerpt(claims, { line: 2, column: 9 }, { color: false });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\s/u);
  });
});

describe('useColor', () => {
  const terminal = { isTTY: true, hasColors: () => true };
  it.each([
    [terminal, {}, true],
    [terminal, { NO_COLOR: '1' }, false],
    [{ isTTY: false }, {}, false],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [terminal, { FORCE_COLOR: '0' }, false],
  ])('should decide colour for %j under %j: %s', (stream, env, expected) => {
    expect(useColor(stream, env)).toBe(expected);
  });
});
