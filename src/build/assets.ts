/**
 * The files every built site gets in `DIR/assets/`: the page's stylesheet, the reader's script
 * (`marginalia-reader.js`, its lazily loaded modules) and the reader's stylesheet. They are
 * made once, when the package is built (`npm run build`: `scripts/build-package.ts` writes
 * them to `dist/assets/` with `assets.json` listing them and the bundle's sizes), and a build
 * only copies them. No build bundles anything.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from './write-output.ts';

/** Sizes of the reader bundle, as the package build measured them. */
export interface BundleSize {
  /** Size of the entry file. */
  bytes: number;
  /** Size of the entry file after gzip (level 9), the figure the size budget is about. */
  gzipBytes: number;
  /** Every file of the reader (the entry, its lazily loaded modules, the stylesheet), each gzipped, added up. */
  totalGzipBytes: number;
  /** The reader's files, relative to the assets folder, the entry first. */
  files: string[];
}

/** `dist/assets/assets.json`: what the package build made. */
export interface AssetManifest {
  /** Every file to copy, relative to the assets folder (the reader's files and the page's stylesheet). */
  files: string[];
  bundle: BundleSize;
}

export const assetManifestName = 'assets.json';

/**
 * Where the built assets are: `dist/assets/` beside the compiled program (`../assets/` from
 * `dist/build/` or `dist/bin/`), or, when the program runs from its TypeScript sources in a
 * clone of the repository, the `dist/assets/` that `npm run build` made there.
 */
export function assetsFolder(): string {
  const candidates = [new URL('../assets/', import.meta.url), new URL('../../dist/assets/', import.meta.url)];
  for (const candidate of candidates) {
    const folder = fileURLToPath(candidate);
    if (existsSync(path.join(folder, assetManifestName))) return folder;
  }
  throw new Error(
    `The reader's files are missing (looked for ${assetManifestName} in ${candidates.map((url) => fileURLToPath(url)).join(' and ')}): in a clone of the repository, run npm run build`,
  );
}

/** The manifest of the built assets. */
export async function readAssetManifest(folder = assetsFolder()): Promise<AssetManifest> {
  return JSON.parse(await readFile(path.join(folder, assetManifestName), 'utf8')) as AssetManifest;
}

/** Lazily loaded modules of the reader from an earlier version: `marginalia-reader-<name>-<HASH>.js`. */
const readerChunk = /^marginalia-reader-[\w-]+-[A-Z0-9]{8}\.js$/u;

/**
 * Copy the assets into `dir` (each file atomically: a page loading meanwhile finds the old file
 * or the new one), the reader's entry last so that it never arrives before the modules it
 * loads, and remove lazily loaded modules of earlier versions. Returns the bundle's sizes.
 */
export async function writeAssets(dir: string): Promise<BundleSize> {
  const source = assetsFolder();
  const manifest = await readAssetManifest(source);
  const entry = manifest.bundle.files[0];
  const order = [...manifest.files.filter((file) => file !== entry), ...(entry === undefined ? [] : [entry])];
  for (const file of order) {
    await writeFileAtomically(path.join(dir, file), await readFile(path.join(source, file)));
  }
  const current = new Set(manifest.files);
  for (const name of await readdir(dir)) {
    if (readerChunk.test(name) && !current.has(name)) await rm(path.join(dir, name), { force: true });
  }
  return manifest.bundle;
}
