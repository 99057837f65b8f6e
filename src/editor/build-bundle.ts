/**
 * Builds the script that the local server adds to the pages it serves in watch and edit mode
 * (`src/editor/index.ts`: live reload, the problems overlay, the editing layer), with Lit, as one
 * minified ES module. It is never part of a built site.
 *
 * A package ships it prebuilt as `marginalia-editor.js` beside this module (the package's build
 * runs `npm run build:editor -- FILE`); in the repository it is made in memory, once per server
 * run, with esbuild.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where a package keeps the prebuilt script. */
export const prebuiltEditorBundle = resolve(here, 'marginalia-editor.js');

/** The script's text: the prebuilt file when there is one, else made now with esbuild. */
export async function editorBundle(): Promise<string> {
  try {
    return await readFile(prebuiltEditorBundle, 'utf8');
  } catch {
    return buildEditorBundle();
  }
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
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the editor script');
  return output.text;
}

// Run directly (`npm run build:editor [FILE]`): write the script.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { writeFile } = await import('node:fs/promises');
  const outFile = process.argv[2] ?? prebuiltEditorBundle;
  const code = await buildEditorBundle();
  await writeFile(outFile, code);
  console.log(`${outFile}: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB`);
}
