/**
 * Read a claims file (`<slug>.claims.yaml`, `.claims.yml` or `.claims.json`) into typed claims.
 *
 * Every problem becomes a message on the file, at the line and column where it is, with a rule
 * id from `../pipeline/messages.ts` and a reason that says how to fix it. Errors are fatal
 * messages; warnings (an unknown field, a reference no claim cites) are not.
 *
 * The steps: parse (YAML or JSON, keeping positions) → check the shape against
 * `claims.schema.json` → check what a schema cannot (unique ids, known references, dates, URLs)
 * → the editorial checks, at the levels the file sets under `checks:` → check the references'
 * sanity (`check-references.ts`: types that fit their fields, titles, dates, access dates;
 * warnings) → build the document from what is valid.
 */
import type { VFile } from 'vfile';
import type { RuleId } from '../pipeline/messages.ts';
import { assemble } from './assemble.ts';
import { checkContent } from './check-content.ts';
import { checkEditorial } from './check-editorial.ts';
import { checkLevels, readLevels } from './check-levels.ts';
import { checkReferences } from './check-references.ts';
import { checkShape } from './check-shape.ts';
import type { Format } from './describe.ts';
import { parseJson } from './parse-json.ts';
import { parseYaml } from './parse-yaml.ts';
import type { CheckContext, Problem } from './problems.ts';
import { isRecord, placeOf, setOwn } from './tree.ts';
import type { ClaimsDocument, CslItem } from './types.ts';

/**
 * Read and validate the claims file in `file` (its `value` is the text; its `path`, which ends
 * in `.claims.json` for JSON and anything else for YAML, picks the format).
 *
 * Returns `undefined` only when nothing usable could be read: a syntax error, or a top level
 * that is not a mapping. Otherwise returns the document with everything that is valid: a claim
 * with an error is left out of `claims` (so that the rest can still be checked against the
 * article), and so is a CSL field with an error. Dates are normalised to `date-parts`, `cites`
 * defaults to `[]`, and each claim has the positions of its fields.
 */
export function readClaims(file: VFile, options: ReadOptions = {}): ClaimsDocument | undefined {
  const format = formatOf(file.path);
  const text = file.toString().replace(/^\uFEFF/, '');
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  const problems: Problem[] = parsed.problems.map(({ place, reason, fatal }) => ({
    pointer: '',
    place,
    reason,
    fatal,
    ruleId: 'claims-syntax',
  }));
  const tree = parsed.tree;
  if (!tree || !isRecord(tree.data)) {
    if (tree) problems.push(notAMapping(tree.data, placeOf(tree, '')));
    emit(file, problems);
    return undefined;
  }

  if (options.source) fillSource(tree.data, options.source);
  const context: CheckContext = { tree, format, problems, levels: readLevels(tree.data) };
  checkShape(context);
  checkContent(context);
  checkLevels(context);
  checkEditorial(context);
  checkReferences(context);
  emit(file, problems);
  return assemble(context);
}

export interface ReadOptions {
  /**
   * Fields of the article's source known from elsewhere (a `.md` article's front matter), used
   * where the claims file's `source` gives none.
   */
  source?: CslItem;
}

function fillSource(data: Record<string, unknown>, fields: CslItem): void {
  if (Object.keys(fields).length === 0) return;
  if (data.source === undefined) setOwn(data, 'source', {});
  const source = data.source;
  if (!isRecord(source)) return;
  for (const [field, value] of Object.entries(fields)) {
    if (!Object.hasOwn(source, field)) setOwn(source, field, structuredClone(value));
  }
}

function formatOf(path: string | undefined): Format {
  return path !== undefined && /\.json$/i.test(path) ? 'json' : 'yaml';
}

function notAMapping(data: unknown, place: Problem['place']): Problem {
  const found = data === null ? undefined : Array.isArray(data) ? 'a list' : `a single ${typeof data} value`;
  const reason = found
    ? `The claims file should be a mapping with source and claims, not ${found}: write source: and claims: at the top level`
    : "The claims file is empty: write source: with the article's title, and claims: with a list of claims";
  return { pointer: '', place, reason, fatal: true, ruleId: 'wrong-type' satisfies RuleId };
}

/** Add the problems to the file as messages, in the order they appear in it. */
function emit(file: VFile, problems: readonly Problem[]): void {
  const sorted = [...problems].sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column);
  for (const problem of sorted) {
    const message = file.message(problem.reason, {
      place: problem.place,
      ruleId: problem.ruleId,
      source: 'marginalia',
    });
    message.fatal = problem.fatal;
    if (problem.expected) message.expected = problem.expected;
    if (problem.actual !== undefined) message.actual = problem.actual;
  }
}
