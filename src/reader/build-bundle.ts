import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import ts from 'typescript';
import type { BundleSize } from '../build/assets.ts';

/**
 * Builds the reader: `src/reader/index.ts` and Lit as one minified ES module (the entry, the
 * "reader bundle" that the size budget is about), each module it imports lazily as a minified
 * ES module of its own beside it, and the element's stylesheet. `marginalia build` calls it to
 * write `DIR/assets/marginalia-reader.js`, `DIR/assets/marginalia-reader-<module>-<hash>.js`
 * and `DIR/assets/marginalia-reader.css`.
 *
 * The lazy modules are bundled apart, not split off by esbuild: splitting puts whatever two
 * bundles share (esbuild's own helpers at the least) in a chunk that the entry would load
 * first, and the entry's size would no longer say what a page loads before the reader works.
 * So the entry imports nothing statically, and a lazy module imports only types from the
 * element's modules and gets the rest from the element: Lit, and the base class of the reader's
 * parts (see `part-kit.ts`); the size test checks both.
 */

/**
 * The modules of `src/reader/` that the element imports lazily (`import('./NAME.ts')`): the
 * parts that show on demand (note cards, the claims and settings panels, the shortcuts), and what
 * works on a selection (copying, the selection toolbar, the reader's own highlights).
 */
export const lazyModules = ['reader-parts', 'selection-features'] as const;

export type { BundleSize } from '../build/assets.ts';

/** The element's stylesheet: its source, and its name beside the entry (the element links it so). */
export const readerStylesheet = { source: 'marginalia-reader.css', name: 'marginalia-reader.css' } as const;

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

/**
 * Bundles the reader into `outFile` (folders are made as needed), with its lazily loaded modules
 * and its stylesheet beside it, and returns the sizes. Lazy modules of earlier builds in that
 * folder are removed.
 */
export async function buildReaderBundle(outFile: string): Promise<ReaderBundle> {
  const outDir = dirname(resolve(outFile));
  const entryName = basename(outFile).replace(/\.m?js$/, '');
  const common: BuildOptions & { write: false } = {
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    tsconfig: resolve(here, '../../tsconfig.json'),
    legalComments: 'none',
    // Private members of the reader's own classes start with one underscore and a letter
    // (`_layout`); they are renamed to short names. Lit's internals (`_$…`), reactive
    // properties (never underscored: Lit finds them by name) and quoted keys keep their names;
    // the short names given avoid Lit's own (see `litPropertyNames`).
    mangleProps: /^_[a-z]/,
    outdir: outDir,
    write: false,
    logLevel: 'silent',
    plugins: [templatePlugin],
  };
  // The entry is built here too, and thrown away, so that the short names given to the lazy
  // modules' members avoid every property name the entry uses, Lit's minified internals among
  // them: the lazy modules' classes extend the entry's Lit classes, and a member renamed to one
  // of Lit's own names would overwrite Lit's state on the same element.
  const lazy = await build({
    ...common,
    entryPoints: [
      ...lazyModules.map((name) => resolve(here, `${name}.ts`)),
      { in: resolve(here, 'index.ts'), out: `${entryName}-entry-names` },
    ],
    entryNames: `${entryName}-[name]-[hash]`,
    // Lit's names taken from the start; esbuild returns the cache with the names it gave, for
    // the entry to use the same ones.
    mangleCache: takenNames(await litPropertyNames()),
  });
  const chunks = lazy.outputFiles.filter((chunk) =>
    lazyModules.some((name) => basename(chunk.path).startsWith(`${entryName}-${name}-`)),
  );
  const lazyFiles = new Map(
    lazyModules.map((name) => [
      `./${name}.ts`,
      basename(chunks.find((chunk) => basename(chunk.path).startsWith(`${entryName}-${name}-`))?.path ?? ''),
    ]),
  );
  const lazyImports: Plugin = {
    name: 'marginalia-lazy-modules',
    setup(builder) {
      builder.onResolve({ filter: /^\.\/[\w-]+\.ts$/ }, ({ path, kind, importer }) => {
        const file = dirname(importer) === here ? lazyFiles.get(path) : undefined;
        if (file === undefined) return undefined;
        if (kind !== 'dynamic-import') return { errors: [{ text: `${path} may only be imported lazily` }] };
        return { path: `./${file}`, external: true };
      });
    },
  };
  const result = await build({
    ...common,
    entryPoints: [{ in: resolve(here, 'index.ts'), out: entryName }],
    mangleCache: lazy.mangleCache ?? {},
    plugins: [templatePlugin, lazyImports],
  });
  const entryPath = join(outDir, `${entryName}.js`);
  const entry = result.outputFiles.find((file) => file.path === entryPath);
  if (!entry) throw new Error('esbuild produced no output for the reader bundle');
  // The stylesheet imports its parts: bundled into one file, in the same cascade order.
  const styles = await build({
    entryPoints: [resolve(here, readerStylesheet.source)],
    bundle: true,
    minify: true,
    legalComments: 'none',
    write: false,
    outdir: outDir,
    logLevel: 'silent',
  });
  const stylesheet = { code: styles.outputFiles[0]?.text ?? '' };
  if (stylesheet.code === '') throw new Error('esbuild produced no output for the reader stylesheet');
  const files: Array<[name: string, contents: Uint8Array]> = [
    [basename(entryPath), entry.contents],
    ...chunks.map((chunk): [string, Uint8Array] => [relative(outDir, chunk.path), chunk.contents]),
    [readerStylesheet.name, Buffer.from(stylesheet.code)],
  ];
  await mkdir(outDir, { recursive: true });
  const written = new Set(files.map(([name]) => name));
  const isOldChunk = (name: string): boolean =>
    name.startsWith(`${entryName}-`) && /-[A-Z0-9]{8}\.js$/.test(name) && !written.has(name);
  for (const name of await readdir(outDir)) {
    if (isOldChunk(name)) await rm(join(outDir, name), { force: true });
  }
  // The lazy modules first and the entry last, so that a page loading meanwhile never finds the
  // new entry without them.
  for (const [name, contents] of [...files.slice(1), files[0]!])
    await writeFile(join(outDir, name), contents);
  const gzipped = (contents: Uint8Array): number => gzipSync(contents, { level: 9 }).byteLength;
  return {
    bytes: entry.contents.byteLength,
    gzipBytes: gzipped(entry.contents),
    totalGzipBytes: files.reduce((total, [, contents]) => total + gzipped(contents), 0),
    files: files.map(([name]) => name),
    renamed: Object.fromEntries(
      Object.entries(result.mangleCache ?? {}).filter(
        (entry): entry is [string, string] =>
          !entry[0].startsWith(takenPrefix) && typeof entry[1] === 'string',
      ),
    ),
  };
}

/** What `buildReaderBundle` wrote, and the short names it gave the reader's private members. */
export interface ReaderBundle extends BundleSize {
  /** Each private member's name (`_layout`) and the name it has in the bundle. */
  renamed: Record<string, string>;
}

/**
 * Every property name that Lit's own code uses. esbuild gives the reader's private members
 * (`_name`) short names, avoiding the names used by the code it renames but not those of Lit's
 * published, already minified code: a claims panel's `_toggleKind` once became `C`, the name
 * of Lit's own method that records a changed property, so every property change on the panel
 * toggled a kind instead, and the page hung.
 */
export async function litPropertyNames(): Promise<Set<string>> {
  const lit = await build({
    stdin: { contents: "export * from 'lit';", resolveDir: here, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = lit.outputFiles[0]?.text ?? '';
  if (code === '') throw new Error('esbuild produced no output for Lit');
  return new Set(Array.from(code.matchAll(/\.\s*([A-Za-z_$][\w$]*)/g), (match) => match[1] ?? ''));
}

/** Keys of the mangle cache that only hold a name taken; no member of the reader is named so. */
const takenPrefix = '\0taken:';

/** A mangle cache in which `names` are already given, so esbuild gives none of them again. */
function takenNames(names: Iterable<string>): Record<string, string> {
  return Object.fromEntries(Array.from(names, (name) => [`${takenPrefix}${name}`, name]));
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
    `${outFile}: ${formatSize(size.bytes)}, ${formatSize(size.gzipBytes)} gzipped (budget ${formatSize(bundleBudget)}); ` +
      `with its ${size.files.length - 1} other files ${formatSize(size.totalGzipBytes)} gzipped`,
  );
  if (size.gzipBytes >= bundleBudget) process.exitCode = 1;
}
