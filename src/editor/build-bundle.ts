/**
 * Builds the script that the local server adds to the pages it serves in watch and edit mode
 * (`src/editor/index.ts`: live reload, the problems overlay, the editing layer), with Lit, as one
 * minified ES module. It is never part of a built site.
 *
 * The package build makes it once, into `dist/assets/marginalia-editor.js`
 * (`scripts/build-package.ts`); the server reads it from there. Run from the TypeScript sources
 * in a clone where it is missing, the server makes it in memory with esbuild.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The script's name in `dist/assets/`. */
export const editorScriptName = 'marginalia-editor.js';

/** Where the package build put the script: `../assets/` from `dist/bin/` or `dist/serve/`, or `dist/assets/` of a clone. */
function prebuilt(): string | undefined {
  const candidates = [
    resolve(here, '../assets', editorScriptName),
    resolve(here, '../../dist/assets', editorScriptName),
  ];
  return candidates.find((file) => existsSync(file));
}

/** The script's text: the package build's, else made now with esbuild. */
export async function editorBundle(): Promise<string> {
  const file = prebuilt();
  if (file !== undefined) return readFile(file, 'utf8');
  if (!existsSync(resolve(here, 'index.ts'))) {
    throw new Error(`The editor's script (${editorScriptName}) is missing: run npm run build`);
  }
  return buildEditorBundle();
}

/** Bundles `src/editor/index.ts` with esbuild (a development dependency) and returns the code. */
export async function buildEditorBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [resolve(here, 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    tsconfig: resolve(here, '../../tsconfig.json'),
    legalComments: 'none',
    // The package's `sideEffects` lists the published reader only; the elements here are
    // defined by importing their modules, which must not be dropped.
    ignoreAnnotations: true,
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the editor script');
  return output.text;
}
