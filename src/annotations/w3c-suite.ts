/**
 * Runs the W3C Web Annotation test suite (`test/data/w3c-annotation-tests`, its data kept in
 * the repository with its licence) against a JSON object, without a browser. Test helper: the
 * suite is not shipped.
 *
 * How the suite works, and how this file reads it:
 * - A `.test` file lists `assertions`: paths of assertion files (relative to the suite root),
 *   inline assertion objects, `{assertionFile, …}` objects whose other keys override the
 *   file's, or nested arrays (a sub-list, run in order at one level deeper).
 * - An assertion is a JSON Schema (draft-04) with metadata: `title`, `assertionType`
 *   (`must`, `should`, `may`; missing counts as `must`), `expectedResult` (`valid` or
 *   `invalid`; default `valid`), `onUnexpectedResult` (default `failAndContinue`) and
 *   `errorMessage`. Its `$ref`s point into the schemas in `definitions/`.
 * - The result is *as expected* when validation gives `expectedResult`. Otherwise
 *   `onUnexpectedResult` decides: `fail…` makes the assertion a failure, `pass…` lets it pass
 *   (an optional feature that is simply not used), and `…AndContinue` / `…AndSkip` /
 *   `…AndAbort` go on, skip the rest of the current list, or stop the whole test.
 * - Formats `uri` and `date-time` are checked strictly (see `uri.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv-draft-04';
import { isDateTime, isUri } from './uri.ts';

// A CommonJS package: under NodeNext its class is the default export's `default`.
const Ajv = ajvDraft04.default;
type Ajv = InstanceType<typeof Ajv>;

/** The repository root (this file sits in `src/annotations/`). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the suite is: `test/data/w3c-annotation-tests`, from the repository root. */
export const defaultSuiteDir = resolve(repoRoot, 'test', 'data', 'w3c-annotation-tests');

export type AssertionStatus = 'pass' | 'fail' | 'unmet' | 'skipped';

export interface AssertionOutcome {
  /** The assertion file, relative to the suite root (`inline N` for inline assertions). */
  file: string;
  title: string;
  /** `must`, `should` or `may`. */
  assertionType: string;
  /**
   * `pass`: validation gave the expected result. `fail`: it did not, and the assertion says
   * that is a failure. `unmet`: it did not, and the assertion says that still passes.
   * `skipped`: an earlier assertion asked to skip or abort.
   */
  status: AssertionStatus;
  /** The assertion's error message and the schema errors, when the result was unexpected. */
  message?: string;
}

/** One entry of a test's assertion list, loaded. */
type AssertionNode = LoadedAssertion | AssertionNode[];

interface LoadedAssertion {
  file: string;
  schema: AnySchemaObject;
  validate: ValidateFunction;
}

export interface SuiteTest {
  /** The `.test` file, relative to the suite root. */
  file: string;
  name: string;
  assertions: AssertionNode[];
}

export interface SuiteOptions {
  /** The suite's root folder; default `defaultSuiteDir`. */
  suiteDir?: string;
}

const ajvBySuite = new Map<string, Ajv>();

/** One Ajv per suite folder, with the `definitions/` schemas registered under their ids. */
function ajvFor(suiteDir: string): Ajv {
  let ajv = ajvBySuite.get(suiteDir);
  if (ajv) return ajv;
  ajv = new Ajv({
    allErrors: true,
    // The suite's schemas carry metadata keywords (`assertionType`, …) and nested `$schema`s.
    strict: false,
    validateSchema: false,
    formats: { uri: isUri, 'date-time': isDateTime },
  });
  const definitionsDir = join(suiteDir, 'definitions');
  for (const name of [
    'annotations',
    'bodyTarget',
    'choiceSet',
    'collections',
    'id',
    'otherProperties',
    'specificResource',
  ]) {
    const schema = readJson(join(definitionsDir, `${name}.json`)) as AnySchemaObject;
    ajv.addSchema(schema);
  }
  ajvBySuite.set(suiteDir, ajv);
  return ajv;
}

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`W3C annotation test suite: cannot parse ${path}: ${String(error)}`);
  }
}

function checkSuiteDir(suiteDir: string): void {
  if (!existsSync(join(suiteDir, 'definitions'))) {
    throw new Error(
      `W3C annotation test suite not found at ${suiteDir} (expected test/data/w3c-annotation-tests in the repository ${repoRoot}, with a definitions/ folder)`,
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Load a `.test` file (path relative to the suite root, e.g.
 * `annotations/annotationMusts.test`) and compile its assertions.
 */
export function loadSuiteTest(testFile: string, options: SuiteOptions = {}): SuiteTest {
  const suiteDir = options.suiteDir ?? defaultSuiteDir;
  checkSuiteDir(suiteDir);
  const testPath = join(suiteDir, testFile);
  if (!existsSync(testPath)) throw new Error(`W3C annotation test suite: no test file ${testPath}`);
  const test = readJson(testPath);
  if (!isRecord(test) || !Array.isArray(test['assertions']) || test['assertions'].length === 0) {
    throw new Error(`W3C annotation test suite: ${testFile} has no list of assertions`);
  }
  const ajv = ajvFor(suiteDir);
  let inlineCount = 0;

  const load = (entry: unknown): AssertionNode => {
    if (Array.isArray(entry)) return entry.map(load);
    let file: string;
    let schema: Record<string, unknown>;
    if (typeof entry === 'string') {
      file = entry;
      schema = readAssertion(suiteDir, entry);
    } else if (isRecord(entry) && typeof entry['assertionFile'] === 'string') {
      file = entry['assertionFile'];
      const overrides = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'assertionFile'));
      schema = { ...readAssertion(suiteDir, file), ...overrides };
    } else if (isRecord(entry)) {
      file = `inline ${++inlineCount}`;
      schema = { ...entry };
    } else {
      throw new Error(
        `W3C annotation test suite: ${testFile} lists an assertion that is neither a path nor an object`,
      );
    }
    // Assertion ids are bare file names (some repeat); references resolve the same without them,
    // and leaving them out keeps Ajv from refusing a second schema with the same id.
    delete schema['id'];
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new Error(`W3C annotation test suite: cannot compile ${file}: ${String(error)}`);
    }
    return { file, schema, validate };
  };

  return {
    file: relative(suiteDir, testPath),
    name: typeof test['name'] === 'string' ? test['name'] : testFile,
    assertions: test['assertions'].map(load),
  };
}

function readAssertion(suiteDir: string, file: string): Record<string, unknown> {
  const path = join(suiteDir, file);
  if (!existsSync(path)) throw new Error(`W3C annotation test suite: no assertion file ${path}`);
  const schema = readJson(path);
  if (!isRecord(schema)) throw new Error(`W3C annotation test suite: ${file} is not a JSON object`);
  return schema;
}

type Action = 'continue' | 'skip' | 'abort';

/** Evaluate every assertion of `test` against `data`, in order, with the suite's semantics. */
export function runSuiteTest(test: SuiteTest, data: unknown): AssertionOutcome[] {
  const outcomes: AssertionOutcome[] = [];

  const run = (nodes: AssertionNode[], incoming: Action): Action => {
    let action = incoming;
    for (const node of nodes) {
      if (Array.isArray(node)) {
        // A sub-list skips only within itself; an abort stops everything.
        if (run(node, action) === 'abort') action = 'abort';
        continue;
      }
      const { file, schema, validate } = node;
      const title = typeof schema['title'] === 'string' ? schema['title'] : file;
      const assertionType = typeof schema['assertionType'] === 'string' ? schema['assertionType'] : 'must';
      if (action !== 'continue') {
        outcomes.push({ file, title, assertionType, status: 'skipped' });
        continue;
      }
      const valid = validate(data) as boolean;
      const expected = schema['expectedResult'] === 'invalid' ? 'invalid' : 'valid';
      if ((expected === 'valid') === valid) {
        outcomes.push({ file, title, assertionType, status: 'pass' });
        continue;
      }
      const onUnexpected =
        typeof schema['onUnexpectedResult'] === 'string' ? schema['onUnexpectedResult'] : 'failAndContinue';
      const status: AssertionStatus = onUnexpected.startsWith('pass') ? 'unmet' : 'fail';
      if (onUnexpected.endsWith('AndSkip')) action = 'skip';
      else if (onUnexpected.endsWith('AndAbort')) action = 'abort';
      const errorMessage =
        typeof schema['errorMessage'] === 'string' ? schema['errorMessage'] : `Result was not ${expected}`;
      outcomes.push({
        file,
        title,
        assertionType,
        status,
        message: `${errorMessage} ${describeErrors(validate.errors)}`.trim(),
      });
    }
    return action;
  };

  run(test.assertions, 'continue');
  return outcomes;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return '';
  const lines = errors
    .slice(0, 5)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
  return `(${lines.join('; ')}${errors.length > 5 ? `; … ${errors.length - 5} more` : ''})`;
}

/**
 * The MUST assertions of `test` that `data` does not meet: those that failed, and any MUST
 * whose unexpected result the suite would let pass (none in the current suite; counted as
 * failures all the same, since a MUST is not optional).
 */
export function failedMusts(test: SuiteTest, data: unknown): AssertionOutcome[] {
  return runSuiteTest(test, data).filter(
    (outcome) =>
      outcome.assertionType === 'must' && (outcome.status === 'fail' || outcome.status === 'unmet'),
  );
}
