/**
 * The citation styles: three built in, and any CSL style file a claims file names.
 *
 * Every style is a real CSL style from the Citation Style Language project, run by citeproc-js
 * through Citation.js. APA 7th edition is the one bundled with `@citation-js/plugin-csl`;
 * MLA 9th edition and Chicago author-date (17th edition) are the copies that the
 * `rehype-citation` package ships. Styles are registered with Citation.js once, when this
 * module loads (built-in ones) or when `registerStyleFile` first sees a file's content.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addTemplate, citationJs, removeTemplate } from './engine.ts';

/** The styles every build can use without a style file. */
export const builtinStyleIds = ['apa', 'mla', 'chicago-author-date'] as const;
export type BuiltinStyleId = (typeof builtinStyleIds)[number];
/** A built-in style id, or an id returned by `registerStyleFile`. */
export type StyleId = BuiltinStyleId | (string & {});

const cslNamespace = 'http://purl.org/net/xbiblio/csl';
/** Title of every registered style, by id. */
const labels = new Map<string, string>();
/** The XML of every registered style, by id (its content is part of a formatted citation's key). */
const sources = new Map<string, string>();

/**
 * Read a style file that `rehype-citation` ships (an ES module whose default export is the
 * style's XML). The package's `exports` map names its `node/` folder with a folder mapping that
 * Node no longer resolves, so the file is found beside the package's entry point.
 */
async function packagedStyle(name: string): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('rehype-citation');
  const file = path.join(path.dirname(entry), 'styles', `${name}.js`);
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (typeof module.default !== 'string' || !isCslStyle(module.default)) {
    throw new Error(`rehype-citation no longer ships the CSL style ${name} at ${file}`);
  }
  return module.default;
}

/** APA, as `@citation-js/plugin-csl` bundles it (read without loading Citation.js). */
function bundledApa(): string {
  const file = createRequire(import.meta.url).resolve('@citation-js/plugin-csl/lib/styles.json');
  const styles = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (typeof styles.apa !== 'string' || !isCslStyle(styles.apa)) {
    throw new Error(`@citation-js/plugin-csl no longer bundles the APA style in ${file}`);
  }
  return styles.apa;
}

const builtinXml: Record<BuiltinStyleId, string> = {
  apa: bundledApa(),
  mla: await packagedStyle('mla'),
  'chicago-author-date': await packagedStyle('chicago'),
};
for (const id of builtinStyleIds) {
  const xml = builtinXml[id];
  // APA is registered by the plugin itself; the other two are added when Citation.js loads.
  if (id !== 'apa') addTemplate(id, xml);
  sources.set(id, xml);
  labels.set(id, styleTitle(xml) ?? id);
}

/** The XML of a registered style (for cache keys); throws for an unknown id. */
export function styleSource(id: StyleId): string {
  assertStyle(id);
  return sources.get(id) ?? '';
}

/**
 * Id → title of the built-in styles, titles as the style files give them
 * (`apa` → "American Psychological Association 7th edition").
 */
export const builtinStyles: Readonly<Record<BuiltinStyleId, string>> = Object.freeze({
  apa: labels.get('apa') ?? 'apa',
  mla: labels.get('mla') ?? 'mla',
  'chicago-author-date': labels.get('chicago-author-date') ?? 'chicago-author-date',
});

/** Whether `id` names a built-in or registered style. */
export function isStyleId(id: string): id is StyleId {
  return labels.has(id);
}

/** The title of a registered style; throws for an unknown id. */
export function styleLabel(id: StyleId): string {
  assertStyle(id);
  return labels.get(id) ?? id;
}

/** Throw a clear error unless `id` names a built-in or registered style. */
export function assertStyle(id: string): asserts id is StyleId {
  if (!labels.has(id)) {
    throw new Error(
      `Unknown citation style "${id}": use ${builtinStyleIds.join(', ')} or an id returned by registerStyleFile`,
    );
  }
}

/**
 * Register a CSL style file (`.csl`, XML) and return the id to format with. The id is the file
 * name without its extension and a hash of the content, so registering the same content again
 * returns the same id and an edited file gets a new one.
 *
 * @throws Error naming the file when it cannot be read, is not a CSL style, or is a style
 *   citeproc cannot format with (a dependent style, or one without a bibliography).
 */
export function registerStyleFile(file: string): StyleId {
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read the CSL style file ${file}: ${(cause as Error).message}`, { cause });
  }
  if (!isCslStyle(xml)) {
    throw new Error(`${file} is not a CSL style: its root element must be <style xmlns="${cslNamespace}">`);
  }

  const name = path.basename(file).replace(/\.(csl|xml)$/i, '');
  const id = `${name}-${createHash('sha256').update(xml).digest('hex').slice(0, 10)}`;
  if (labels.has(id)) return id;

  addTemplate(id, xml);
  const problem = probe(id, xml);
  if (problem) {
    removeTemplate(id);
    throw new Error(`${file} is not a usable CSL style: ${problem}`);
  }
  labels.set(id, styleTitle(xml) ?? name);
  sources.set(id, xml);
  return id;
}

/** Format a sample book with a registered template; say what is wrong, or nothing. */
function probe(id: string, xml: string): string | undefined {
  if (/<link\b[^>]*\brel\s*=\s*["']independent-parent["']/.test(xml)) {
    return 'it is a dependent style (it only names its parent in <link rel="independent-parent">); use the parent style file';
  }
  const { Cite } = citationJs();
  const sample = new Cite({
    id: 'sample',
    type: 'book',
    title: 'Sample',
    author: [{ family: 'Author', given: 'Sample' }],
    issued: { 'date-parts': [[2000]] },
  });
  try {
    if (sample.format('bibliography', { template: id, format: 'text', lang: 'en-US' }).trim() === '') {
      return 'citeproc finds no <bibliography> layout in it';
    }
    if (sample.format('citation', { template: id, format: 'text', lang: 'en-US' }).trim() === '') {
      return 'citeproc finds no <citation> layout in it';
    }
  } catch (cause) {
    return `citeproc cannot read it (${(cause as Error).message})`;
  }
  return undefined;
}

/** Whether the document element, after the XML prolog, is a CSL `<style>`. */
function isCslStyle(xml: string): boolean {
  const body = xml.replace(/^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/, '');
  const root = /^<style\b[^>]*>/.exec(body);
  if (!root) return false;
  const namespace = /\sxmlns\s*=\s*(["'])(.*?)\1/.exec(root[0]);
  return namespace?.[2] === cslNamespace;
}

/** The `<title>` inside the style's `<info>`, with XML character references decoded. */
function styleTitle(xml: string): string | undefined {
  const info = /<info\b[^>]*>([\s\S]*?)<\/info>/.exec(xml)?.[1];
  const title = info && /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(info)?.[1];
  return title ? decodeXmlText(title).trim() : undefined;
}

function decodeXmlText(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex, dec, name) => {
    const code = hex
      ? Number.parseInt(hex as string, 16)
      : dec
        ? Number.parseInt(dec as string, 10)
        : undefined;
    if (code === undefined) return named[(name as string).toLowerCase()] ?? whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
