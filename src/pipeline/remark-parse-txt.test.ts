import { describe, expect, it } from 'vitest';
import { looksLikeHeading, parseTxt } from './remark-parse-txt.ts';

describe('parseTxt', () => {
  it('should make each non-empty line a block, with or without blank lines between', () => {
    // Arrange
    const packed = 'First paragraph.\nSecond paragraph.\n';
    const spaced = 'First paragraph.\n\n\nSecond paragraph.\n';

    // Act
    const a = parseTxt(packed);
    const b = parseTxt(spaced);

    // Assert
    expect(a.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(b.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('should read a short line without closing punctuation before a longer one as a heading', () => {
    // Arrange
    const text = 'Sora’s impact on China’s AI landscape\nA much longer paragraph follows the heading here.\n';

    // Act
    const tree = parseTxt(text);

    // Assert
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 2 });
    expect(tree.children[1]).toMatchObject({ type: 'paragraph' });
  });

  it('should not read a line as a heading when it ends with punctuation, is last, or is followed by a shorter line', () => {
    expect(looksLikeHeading('It rained.', 'A longer line after it, certainly.')).toBe(false);
    expect(looksLikeHeading('“Quoted,” he said:', 'A longer line after it, certainly.')).toBe(false);
    expect(looksLikeHeading('A short line', 'Short')).toBe(false);
    expect(parseTxt('Only a short line').children[0]).toMatchObject({ type: 'paragraph' });
  });

  it('should keep the text verbatim, markup characters included', () => {
    // Arrange
    const text = 'Not *Markdown* <b>nor HTML</b> & “curly” China‘s.\n';

    // Act
    const tree = parseTxt(text);

    // Assert
    expect(tree.children[0]).toMatchObject({
      children: [{ type: 'text', value: 'Not *Markdown* <b>nor HTML</b> & “curly” China‘s.' }],
    });
  });

  it('should give each block its position in the source, CRLF and indentation included', () => {
    // Arrange
    const text = 'One.\r\n\r\n   Two is indented.\r\n';

    // Act
    const [, two] = parseTxt(text).children;

    // Assert
    expect(two?.position?.start).toEqual({ line: 3, column: 4, offset: 11 });
    expect(two?.position?.end).toEqual({ line: 3, column: 20, offset: 27 });
  });

  it('should parse an empty file to an empty tree', () => {
    expect(parseTxt('').children).toEqual([]);
    expect(parseTxt('\n\n  \n').children).toEqual([]);
  });
});
