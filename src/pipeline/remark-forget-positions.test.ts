import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import remarkForgetPositions from './remark-forget-positions.ts';

describe('remarkForgetPositions', () => {
  it('should remove the position of every node and keep everything else', async () => {
    // Arrange
    const processor = unified().use(remarkParse);
    const tree = processor.parse(
      '# Title\n\nSome *emphasis* and [a link](https://example.org).\n\n- one\n- two\n',
    );
    const before = structuredClone(tree);
    let positioned = 0;
    visit(before, (node) => {
      if (node.position) positioned += 1;
    });

    // Act
    await unified().use(remarkForgetPositions).run(tree);

    // Assert
    expect(positioned).toBeGreaterThan(10);
    visit(tree, (node) => {
      expect(node.position).toBeUndefined();
    });
    visit(before, (node) => {
      delete node.position;
    });
    expect(tree).toEqual(before);
  });
});
