import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { citationJs } from './engine.ts';
import { formatInText, formatReference } from './format.ts';
import { article } from './test-items.ts';
import { builtinStyles, isStyleId, registerStyleFile, styleLabel } from './styles.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-cite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A real CSL style file: Citation.js bundles the CSL project's Cite Them Right Harvard. */
function harvardFile(name = 'harvard.csl'): string {
  const file = path.join(folder, name);
  writeFileSync(file, citationJs().plugins.config.get('@csl').templates.get('harvard1'));
  return file;
}

describe('builtinStyles', () => {
  it('should name the built-in styles by the titles of their style files', () => {
    // Assert
    expect(builtinStyles).toEqual({
      apa: 'American Psychological Association 7th edition',
      mla: 'Modern Language Association 9th edition',
      'chicago-author-date': 'Chicago Manual of Style 17th edition (author-date)',
    });
    expect(styleLabel('mla')).toBe('Modern Language Association 9th edition');
  });
});

describe('registerStyleFile', () => {
  it('should register a style file and format with it', () => {
    // Arrange
    const file = harvardFile();

    // Act
    const id = registerStyleFile(file);
    const reference = formatReference(article, id);
    const inText = formatInText(article, id, { label: 'paragraph', value: '3' });

    // Assert
    expect(id).toMatch(/^harvard-[0-9a-f]{10}$/);
    expect(isStyleId(id)).toBe(true);
    expect(styleLabel(id)).toBe('Cite Them Right 11th edition - Harvard');
    expect(reference.text).toBe(
      'Smith, J. and Doe, J. (2020) “Reading the marginalia of medieval manuscripts,” Journal of Book History, 12(3), pp. 45–67. doi:10.1234/jbh.2020.003.',
    );
    expect(reference.html.at(-2)).toEqual({
      type: 'element',
      tagName: 'a',
      properties: { href: 'https://doi.org/10.1234/jbh.2020.003' },
      children: [{ type: 'text', value: 'doi:10.1234/jbh.2020.003' }],
    });
    expect(inText.text).toBe('(Smith and Doe, 2020, para. 3)');
  });

  it('should give the same content the same id', () => {
    // Act
    const first = registerStyleFile(harvardFile('a.csl'));
    const second = registerStyleFile(harvardFile('a.csl'));

    // Assert
    expect(second).toBe(first);
  });

  it('should say which file is missing', () => {
    // Arrange
    const file = path.join(folder, 'no-such-style.csl');

    // Act
    const act = () => registerStyleFile(file);

    // Assert
    expect(act).toThrow(`Cannot read the CSL style file ${file}: ENOENT`);
  });

  it('should refuse a file that is not a CSL style', () => {
    // Arrange
    const file = path.join(folder, 'page.csl');
    writeFileSync(file, '<!doctype html><html><body><p>Not a style</p></body></html>');

    // Act
    const act = () => registerStyleFile(file);

    // Assert
    expect(act).toThrow(
      `${file} is not a CSL style: its root element must be <style xmlns="http://purl.org/net/xbiblio/csl">`,
    );
  });

  it('should refuse a dependent style, which has no layout of its own', () => {
    // Arrange
    const file = path.join(folder, 'dependent.csl');
    writeFileSync(
      file,
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-US">',
        '  <info>',
        '    <title>A journal</title>',
        '    <id>http://www.zotero.org/styles/a-journal</id>',
        '    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>',
        '    <updated>2024-01-01T00:00:00+00:00</updated>',
        '  </info>',
        '</style>',
      ].join('\n'),
    );

    // Act
    const act = () => registerStyleFile(file);

    // Assert
    expect(act).toThrow(`${file} is not a usable CSL style: it is a dependent style`);
  });

  it('should refuse a truncated style file', () => {
    // Arrange
    const file = path.join(folder, 'truncated.csl');
    writeFileSync(file, citationJs().plugins.config.get('@csl').templates.get('harvard1').slice(0, 3000));

    // Act
    const act = () => registerStyleFile(file);

    // Assert
    expect(act).toThrow(`${file} is not a usable CSL style: citeproc cannot read it`);
  });
});
