/**
 * Builds the package (`npm run build`; `npm ci` and `npm pack` run it through `prepare`):
 *
 *   dist/            src/ compiled by tsc: the library's modules and their type declarations,
 *                    with the non-TypeScript files they read (schema, validator, stylesheets)
 *   dist/bin/        the command, bundled by esbuild into a few files (main.js, worker.js and
 *                    their shared chunk), so that it starts without resolving hundreds of modules
 *   dist/assets/     the reader's bundle and stylesheets, made once here; `marginalia build`
 *                    copies them (assets.json lists them with the bundle's sizes); and the
 *                    script that `marginalia serve` adds to the pages it serves
 *   custom-elements.json   the Custom Elements Manifest of <marginalia-reader>
 *
 *   tsx scripts/build-package.ts [--if-stale]
 *
 * With `--if-stale` it does nothing when `dist/.stamp` is newer than every input (the sources,
 * this script, the package and TypeScript settings): the test setup calls it so.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { assetManifestName, type AssetManifest } from '../src/build/assets.ts';
import { programFilesHash, programIdName } from '../src/build/cache.ts';
import { buildEditorBundle, editorScriptName } from '../src/editor/build-bundle.ts';
import { buildReaderBundle, bundleBudget, formatSize } from '../src/reader/build-bundle.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.stamp');
const require = createRequire(import.meta.url);

/**
 * Packages the command leaves to Node.js at run time: Citation.js and citeproc are CommonJS
 * loaded only when a citation must really be formatted (src/cite/engine.ts), and rehype-citation
 * is read for its CSL style files.
 */
const external = [
  // Only where no prebuilt editor script is found (a clone without a package build).
  'esbuild',
  '@citation-js/core',
  '@citation-js/plugin-csl',
  '@citation-js/plugin-bibtex',
  '@citation-js/plugin-ris',
  '@citation-js/plugin-doi',
  'citeproc',
  'rehype-citation',
];

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

function newestInput(): number {
  const inputs = [
    ...filesUnder(path.join(root, 'src')).filter((file) => !file.endsWith('.test.ts')),
    fileURLToPath(import.meta.url),
    path.join(root, 'package.json'),
    path.join(root, 'tsconfig.json'),
    path.join(root, 'tsconfig.build.json'),
  ];
  return Math.max(...inputs.map((file) => statSync(file).mtimeMs));
}

function isStale(): boolean {
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestInput();
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

/** tsc: src/ → dist/, JavaScript and declarations (into an empty dist/: nothing stale ships). */
function compile(): void {
  rmSync(dist, { recursive: true, force: true });
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
}

/**
 * Fail when a compiled module still imports a `.ts` file: tsc leaves some specifiers as they
 * are (an `import()` inside a class with decorators), and Node or a browser would not find them.
 */
function checkSpecifiers(): void {
  const left = filesUnder(dist)
    .filter((file) => file.endsWith('.js'))
    .filter((file) =>
      /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']\.{1,2}\/[^"']*\.ts["']/u.test(
        readFileSync(file, 'utf8'),
      ),
    );
  if (left.length > 0) {
    throw new Error(
      `Compiled modules still import .ts files: ${left.map((file) => path.relative(root, file)).join(', ')}`,
    );
  }
}

/** The files beside the sources that the compiled modules read at run time. */
function copyRuntimeFiles(): void {
  const src = path.join(root, 'src');
  for (const file of filesUnder(src)) {
    const name = path.basename(file);
    const wanted =
      /\.(css|json)$/u.test(name) || name === 'validate-claims.js' || name === 'validate-claims.d.ts';
    if (!wanted) continue;
    const target = path.join(dist, path.relative(src, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/** esbuild: the command and its worker thread, with their dependencies, into dist/bin/. */
async function bundleCommand(): Promise<void> {
  await build({
    entryPoints: {
      main: path.join(root, 'src/cli/main.ts'),
      worker: path.join(root, 'src/build/worker.ts'),
    },
    outdir: path.join(dist, 'bin'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // ES module builds first: jsonc-parser's `main` is a UMD build that requires its parts lazily.
    mainFields: ['module', 'main'],
    external,
    // Kept beside the entries: code in a chunk finds the worker and the assets relative to itself.
    chunkNames: '[name]-[hash]',
    // CommonJS packages bundled into ES modules call `require` for Node's own modules.
    banner: {
      js: "import { createRequire as __marginaliaCreateRequire } from 'node:module'; const require = __marginaliaCreateRequire(import.meta.url);",
    },
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

/** The reader's bundle, its stylesheet and the page's stylesheet, into dist/assets/. */
async function buildAssets(): Promise<void> {
  const folder = path.join(dist, 'assets');
  const bundle = await buildReaderBundle(path.join(folder, 'marginalia-reader.js'));
  if (bundle.gzipBytes >= bundleBudget) {
    throw new Error(
      `The reader bundle is ${formatSize(bundle.gzipBytes)} gzipped, over its budget of ${formatSize(bundleBudget)}`,
    );
  }
  copyFileSync(path.join(root, 'src/page/marginalia.css'), path.join(folder, 'marginalia.css'));
  // The script `marginalia serve` adds to the pages it serves (watch and edit mode): not a file
  // of a built site, so not in the manifest.
  writeFileSync(path.join(folder, editorScriptName), await buildEditorBundle());
  const manifest: AssetManifest = { files: ['marginalia.css', ...bundle.files], bundle };
  writeFileSync(path.join(folder, assetManifestName), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** custom-elements.json, by @custom-elements-manifest/analyzer from the reader's sources. */
function manifest(): void {
  run(process.execPath, [
    require.resolve('@custom-elements-manifest/analyzer/cem.js'),
    'analyze',
    '--litelement',
    '--globs',
    'src/reader/**/*.ts',
    '--exclude',
    'src/reader/**/*.test.ts',
    '--exclude',
    'src/reader/build-bundle.ts',
    '--outdir',
    '.',
    '--quiet',
  ]);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
const started = Date.now();
compile();
checkSpecifiers();
copyRuntimeFiles();
await bundleCommand();
await buildAssets();
manifest();
// Last, when every file of dist/ is written: the build cache's id of this program.
writeFileSync(path.join(dist, programIdName), `${await programFilesHash(dist)}\n`);
writeFileSync(stamp, `${new Date().toISOString()}\n`);
process.stdout.write(`Built the package into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
