import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { claimKinds } from '../claims/types.ts';
import {
  buildReaderBundle,
  bundleBudget,
  collapseTemplateWhitespace,
  litPropertyNames,
} from './build-bundle.ts';
import { wideQuery } from './theme.ts';

describe('buildReaderBundle', () => {
  it('should write the entry, its lazy modules and its stylesheet, the entry under the size budget', async () => {
    // Arrange
    const folder = await mkdtemp(path.join(tmpdir(), 'marginalia-bundle-'));
    const file = path.join(folder, 'assets', 'marginalia-reader.js');
    await mkdir(path.dirname(file));
    const stale = path.join(folder, 'assets', 'marginalia-reader-selection-features-AAAAAAAA.js');
    await writeFile(stale, '');
    await writeFile(path.join(folder, 'assets', 'marginalia.css'), '');

    // Act
    const size = await buildReaderBundle(file);

    // Assert
    const code = await readFile(file);
    expect(size.bytes).toBe(code.byteLength);
    expect(size.gzipBytes).toBe(gzipSync(code, { level: 9 }).byteLength);
    expect(size.gzipBytes).toBeLessThan(bundleBudget);
    const text = code.toString();
    expect(text.includes('customElements.define(') && text.includes('"marginalia-reader"')).toBe(true);
    const lazyFiles = size.files.slice(1, -1);
    expect(lazyFiles).toHaveLength(2);
    expect(lazyFiles[0]).toMatch(/^marginalia-reader-reader-parts-[A-Z0-9]{8}\.js$/);
    expect(lazyFiles[1]).toMatch(/^marginalia-reader-selection-features-[A-Z0-9]{8}\.js$/);
    for (const lazyFile of lazyFiles) expect(text).toContain(`import("./${lazyFile}")`);
    expect(size.files).toEqual(['marginalia-reader.js', ...lazyFiles, 'marginalia-reader.css']);
    expect((await readdir(path.join(folder, 'assets'))).sort()).toEqual(
      [...size.files, 'marginalia.css'].sort(),
    );
    const all = await Promise.all(size.files.map((name) => readFile(path.join(folder, 'assets', name))));
    expect(size.totalGzipBytes).toBe(
      all.reduce((total, contents) => total + gzipSync(contents, { level: 9 }).byteLength, 0),
    );
    expect(await readFile(path.join(folder, 'assets', 'marginalia-reader.css'), 'utf8')).toMatch(/^:host\{/);
    await rm(folder, { recursive: true });
  });

  it("should give the reader's private members short names that none of Lit's own names are, the same in every file", async () => {
    // Arrange
    const folder = await mkdtemp(path.join(tmpdir(), 'marginalia-bundle-'));
    const file = path.join(folder, 'marginalia-reader.js');
    const lit = await litPropertyNames();

    // Act
    const { renamed, files } = await buildReaderBundle(file);

    // Assert
    // Lit's own members, instance and static, as its minified code names them.
    for (const name of ['C', 'l', 'requestUpdate', 'renderRoot']) expect(lit.has(name), name).toBe(true);
    // Members of the lazily loaded parts and of the entry's classes are renamed alike…
    for (const name of ['_toggleKind', '_measureFrom', '_layout'])
      expect(renamed[name], name).toMatch(/^[A-Za-z_$][\w$]*$/);
    // …and never to one of Lit's names: on an element that would overwrite Lit's own.
    expect(Object.entries(renamed).filter(([, short]) => lit.has(short))).toEqual([]);
    expect(new Set(Object.values(renamed)).size).toBe(Object.keys(renamed).length);
    const parts = await readFile(path.join(folder, files[1] ?? ''), 'utf8');
    expect(parts).toContain(`this.${renamed._toggleKind}(`);
    await rm(folder, { recursive: true });
  });

  it('should keep the copying code and the on-demand parts out of the entry, and let the entry import nothing up front', async () => {
    // Arrange
    const folder = await mkdtemp(path.join(tmpdir(), 'marginalia-bundle-'));
    const file = path.join(folder, 'marginalia-reader.js');

    // Act
    const size = await buildReaderBundle(file);

    // Assert
    const entry = await readFile(file, 'utf8');
    const parts = await readFile(path.join(folder, size.files[1] ?? ''), 'utf8');
    const lazy = await readFile(path.join(folder, size.files[2] ?? ''), 'utf8');
    // A static import or re-export (`import{a}from"./x.js"`, `import"./x.js"`); `import("…")` is lazy.
    const staticImport = /\bimport\s*["'{*]|\bfrom\s*["']/;
    expect(staticImport.test(entry)).toBe(false);
    expect(staticImport.test(parts)).toBe(false);
    expect(staticImport.test(lazy)).toBe(false);
    // What only copying needs: text fragments, the clipboard's flavours, word segmentation, the event.
    for (const needle of [':~:', 'text/html', 'Segmenter', 'marginalia-copy', 'selectionchange']) {
      expect(entry, needle).not.toContain(needle);
      expect(lazy, needle).toContain(needle);
    }
    // The note cards and the panels are defined in their own module.
    for (const needle of ['marginalia-note-card', 'marginalia-claims-panel', 'Keyboard shortcuts']) {
      expect(parts, needle).toContain(needle);
    }
    expect(entry).not.toContain('Copy note');
    // And nothing of Lit in the lazy modules: they define their parts with the entry's.
    for (const module of [parts, lazy]) {
      expect(module).not.toContain('_$litPart$');
      expect(module).not.toContain('litHtmlVersions');
      expect(module).not.toContain('reactiveElementVersions');
    }
    await rm(folder, { recursive: true });
  });

  it('should keep the reader’s own highlights out of the entry: storage, anchoring, painting, export', async () => {
    // Arrange
    const folder = await mkdtemp(path.join(tmpdir(), 'marginalia-bundle-'));
    const file = path.join(folder, 'marginalia-reader.js');

    // Act
    const size = await buildReaderBundle(file);

    // Assert
    const entry = await readFile(file, 'utf8');
    const lazy = await readFile(path.join(folder, size.files[2] ?? ''), 'utf8');
    // The storage keys, the Web Annotation selectors, the quota's error, the painted
    // highlights' names, the panel's words and the export's file name.
    for (const needle of [
      'marginalia:highlights:',
      'TextQuoteSelector',
      'TextPositionSelector',
      'AnnotationCollection',
      'QuotaExceededError',
      'marginalia-hl-',
      'CSS.highlights',
      'Could not be placed in the current text',
      '-highlights.jsonld',
    ]) {
      expect(entry, needle).not.toContain(needle);
      expect(lazy, needle).toContain(needle);
    }
    // The entry only names the panel and its shortcut, and loads the code with the copying.
    expect(entry).toContain('My highlights');
    expect(size.gzipBytes).toBeLessThan(bundleBudget);
    await rm(folder, { recursive: true });
  });
});

describe('marginalia-reader.css', () => {
  it('should style every kind and use the same wide layout query as the script, in the parts it imports', async () => {
    // Arrange
    const entry = await readFile(path.join(import.meta.dirname, 'marginalia-reader.css'), 'utf8');
    const parts = [...entry.matchAll(/@import '\.\/([a-z-]+\.css)';/gu)].map((match) => match[1] ?? '');
    const source = (
      await Promise.all(parts.map((part) => readFile(path.join(import.meta.dirname, part), 'utf8')))
    ).join('\n');

    // Act
    const kinds = claimKinds.filter(
      (kind) =>
        !source.includes(
          `[data-kind='${kind}'] {\n  --k: var(--marginalia-line-${kind});\n  --kt: var(--marginalia-mark-${kind});`,
        ),
    );

    // Assert
    expect(kinds).toEqual([]);
    expect(source).toContain(`@media ${wideQuery} {`);
  });
});

describe('collapseTemplateWhitespace', () => {
  it('should fold the formatting inside html and css templates and nothing else', () => {
    // Arrange
    const source = [
      'const view = html`<p>',
      '    ${name}',
      '  </p>`;',
      'const style = css`',
      '  a {',
      '    color: red;',
      '    margin: 0.5rem 0 1px;',
      '  }',
      '`;',
      'const text = `keep',
      '  this`;',
    ].join('\n');

    // Act
    const result = collapseTemplateWhitespace(source);

    // Assert
    expect(result).toBe(
      [
        'const view = html`<p> ${name} </p>`;',
        'const style = css` a{color:red;margin:.5rem 0 1px}`;',
        'const text = `keep',
        '  this`;',
      ].join('\n'),
    );
  });
});
