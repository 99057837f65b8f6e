import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';

/**
 * Builds the reader bundle: `src/reader/index.ts` and Lit as one minified ES module.
 * `marginalia build` calls it to write `DIR/assets/marginalia-reader.js`.
 */

export interface BundleSize {
  /** Size of the file written. */
  bytes: number;
  /** Size after gzip (level 9), the figure the size budget is about. */
  gzipBytes: number;
}

/** The size budget of the bundle, gzipped. */
export const bundleBudget = 15 * 1024;

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Shrinks the text of `html`, `css` and `svg` tagged templates: line breaks and indentation
 * (which only the source's formatting put there) become one space, and in `css` the spaces
 * around punctuation and the leading zeros of numbers go.
 */
export function collapseTemplateWhitespace(source: string, fileName = 'module.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ranges: Array<[number, number, boolean]> = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      ['html', 'css', 'svg'].includes(node.tag.text)
    ) {
      const { template } = node;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const literal of literals)
        ranges.push([literal.getStart(file), literal.end, node.tag.text === 'css']);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = '';
  let done = 0;
  for (const [start, end, isCss] of ranges.sort((a, b) => a[0] - b[0])) {
    let text = source.slice(start, end).replace(/\s*\n\s*/g, ' ');
    if (isCss)
      text = text
        .replace(/ *([{};,]|: ) */g, (_, mark: string) => mark.trim())
        .replace(/;}/g, '}')
        .replace(/(?<![\w.])0\.(\d)/g, '.$1');
    result += source.slice(done, start) + text;
    done = end;
  }
  return result + source.slice(done);
}

const templatePlugin: Plugin = {
  name: 'marginalia-template-whitespace',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]reader[\\/][^\\/]+\.ts$/ }, async ({ path }) => ({
      contents: collapseTemplateWhitespace(await readFile(path, 'utf8'), path),
      loader: 'ts',
    }));
  },
};

/** Bundles the reader into `outFile` (folders are made as needed) and returns its sizes. */
export async function buildReaderBundle(outFile: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [resolve(here, 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    tsconfig: resolve(here, '../../tsconfig.json'),
    legalComments: 'none',
    // Private members of the reader's own classes start with one underscore and a letter
    // (`_layout`); they are renamed to short names. Lit's internals (`_$…`), reactive properties
    // (never underscored: Lit finds them by name) and quoted keys keep their names.
    mangleProps: /^_[a-z]/,
    write: false,
    logLevel: 'silent',
    plugins: [templatePlugin],
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no output for the reader bundle');
  await mkdir(dirname(resolve(outFile)), { recursive: true });
  await writeFile(outFile, code);
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/** `1.2 KB`-style size for messages. */
export function formatSize(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

// Run directly (`npm run build:reader [FILE]`): build and print the sizes.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outFile = process.argv[2] ?? 'build/assets/marginalia-reader.js';
  const size = await buildReaderBundle(outFile);
  console.log(
    `${outFile}: ${formatSize(size.bytes)}, ${formatSize(size.gzipBytes)} gzipped (budget ${formatSize(bundleBudget)})`,
  );
  if (size.gzipBytes >= bundleBudget) process.exitCode = 1;
}
