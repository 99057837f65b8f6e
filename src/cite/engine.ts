/**
 * Citation.js and citeproc-js, loaded the first time something must really be formatted.
 *
 * Loading them and running citeproc for the first time costs a fresh process about half a
 * second, more than the rest of a small article's build. Most builds need none of it: a
 * citation already formatted is read from the citation cache (`citation-cache.ts`), and
 * `check` formats nothing. So nothing here is loaded when the module is imported; `citationJs()`
 * loads the packages (CommonJS, so synchronously) and registers every known style on first use.
 */
import { createRequire } from 'node:module';
import type * as CitationJs from '@citation-js/core';

type Core = typeof CitationJs;

const require = createRequire(import.meta.url);
let core: Core | undefined;
/** Style templates to register when the packages load, by id. */
const pending = new Map<string, string>();

/** Citation.js with the CSL and BibTeX plugins, and every registered style. */
export function citationJs(): Core {
  if (core === undefined) {
    const loaded = require('@citation-js/core') as Core;
    require('@citation-js/plugin-csl');
    require('@citation-js/plugin-bibtex');
    const { templates } = loaded.plugins.config.get('@csl');
    for (const [id, xml] of pending) templates.add(id, xml);
    pending.clear();
    core = loaded;
  }
  return core;
}

/** Make a CSL style known to Citation.js by `id`: now if it is loaded, or when it loads. */
export function addTemplate(id: string, xml: string): void {
  if (core === undefined) pending.set(id, xml);
  else core.plugins.config.get('@csl').templates.add(id, xml);
}

/** Forget a style registered with `addTemplate`. */
export function removeTemplate(id: string): void {
  if (core === undefined) pending.delete(id);
  else core.plugins.config.get('@csl').templates.remove(id);
}

/** The versions of what formats citations: a formatted citation is only reused with the same. */
export function engineVersions(): string {
  return ['@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex', 'citeproc']
    .map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`)
    .join(' ');
}
