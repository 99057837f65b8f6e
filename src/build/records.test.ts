import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessages } from '../cli/format-messages.ts';
import { compileArticle } from './compile-article.ts';
import { discoverArticles } from './discover.ts';
import { fromRecord, toRecord, type ArticleRecord } from './records.ts';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

describe('toRecord and fromRecord', () => {
  it.each(['quote-not-found', 'unknown-reference', 'missing-claims-file', 'basic-txt'])(
    'should bring back every message of %s as the command prints it, through JSON',
    async (fixture) => {
      // Arrange
      const folder = path.join(fixtures, fixture);
      const [paths] = discoverArticles([folder]);
      if (!paths) throw new Error(`No article in ${folder}`);
      const compiled = await compileArticle(paths, { cwd: folder });

      // Act
      const record = JSON.parse(JSON.stringify(toRecord(compiled, paths))) as ArticleRecord;
      const back = fromRecord(record, paths, folder, true);

      // Assert
      expect(formatMessages(back.files)).toEqual(formatMessages(compiled.files));
      expect(
        back.files.map((file) =>
          file.messages.map((message) => [message.fatal, message.ruleId, message.source]),
        ),
      ).toEqual(
        compiled.files.map((file) =>
          file.messages.map((message) => [message.fatal, message.ruleId, message.source]),
        ),
      );
      expect([back.slug, back.title, back.ok, back.claims, back.cached]).toEqual([
        compiled.slug,
        compiled.title,
        compiled.ok,
        compiled.claims,
        true,
      ]);
    },
  );
});
