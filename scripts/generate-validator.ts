/**
 * Writes `src/claims/validate-claims.js`: the claims file's JSON Schema compiled by Ajv into
 * standalone validation code, so that no command compiles the schema when it starts (Ajv takes
 * ~150 ms for it). Run `npm run generate` after changing `src/claims/claims.schema.json`; a test
 * fails while the committed file is not what this script writes.
 *
 *   tsx scripts/generate-validator.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatorSource } from '../src/claims/validator-source.ts';

const target = fileURLToPath(new URL('../src/claims/validate-claims.js', import.meta.url));
const source = validatorSource();
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== source) {
    process.stderr.write('src/claims/validate-claims.js is out of date: run npm run generate\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, source);
}
