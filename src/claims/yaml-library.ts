/**
 * The `yaml` package, loaded the first time it is needed. Most claims files are read by js-yaml
 * alone, and `yaml` is asked only for the places of values that a message points at or for
 * constructs js-yaml reads differently (`parse-yaml.ts`); a command that never needs it does
 * not spend the time to load it.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;

export function yamlLibrary(): typeof Yaml {
  library ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return library;
}
