import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildReaderBundle, bundleBudget, collapseTemplateWhitespace } from './build-bundle.ts';

describe('buildReaderBundle', () => {
  it('should write one minified ES module that stays under the size budget', async () => {
    // Arrange
    const folder = await mkdtemp(path.join(tmpdir(), 'marginalia-bundle-'));
    const file = path.join(folder, 'assets', 'marginalia-reader.js');

    // Act
    const size = await buildReaderBundle(file);

    // Assert
    const code = await readFile(file);
    expect(size.bytes).toBe(code.byteLength);
    expect(size.gzipBytes).toBe(gzipSync(code, { level: 9 }).byteLength);
    expect(size.gzipBytes).toBeLessThan(bundleBudget);
    const text = code.toString();
    expect(text.includes('customElements.define(') && text.includes('"marginalia-reader"')).toBe(true);
    expect(/^\s*import\s/m.test(text)).toBe(false);
    await rm(folder, { recursive: true });
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
