import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSuiteDir, failedMusts, loadSuiteTest, runSuiteTest } from './w3c-suite.ts';

/** A suite folder with the real definitions and made-up tests that exercise each semantic. */
let suiteDir: string;

const hasName = { type: 'object', required: ['name'] };
const hasAge = { type: 'object', required: ['age'] };

function writeTest(name: string, assertions: unknown[]): string {
  writeFileSync(join(suiteDir, `${name}.test`), JSON.stringify({ name, assertions }));
  return `${name}.test`;
}

beforeAll(() => {
  suiteDir = mkdtempSync(join(tmpdir(), 'marginalia-w3c-'));
  cpSync(join(defaultSuiteDir, 'definitions'), join(suiteDir, 'definitions'), { recursive: true });
  mkdirSync(join(suiteDir, 'mine'));
  writeFileSync(
    join(suiteDir, 'mine', 'name.json'),
    JSON.stringify({ ...hasName, id: 'name.json', title: 'has a name', assertionType: 'must' }),
  );
});

afterAll(() => {
  rmSync(suiteDir, { recursive: true, force: true });
});

describe('runSuiteTest', () => {
  it('should pass an assertion whose expected result is invalid when validation fails', () => {
    // Arrange
    const test = loadSuiteTest(
      writeTest('invalid', [
        { ...hasName, title: 'has no name', assertionType: 'must', expectedResult: 'invalid' },
      ]),
      { suiteDir },
    );

    // Act
    const withoutName = runSuiteTest(test, { age: 3 });
    const withName = runSuiteTest(test, { name: 'x' });

    // Assert
    expect(withoutName.map((outcome) => outcome.status)).toEqual(['pass']);
    expect(withName.map((outcome) => outcome.status)).toEqual(['fail']);
  });

  it('should count an unexpected result with passAndContinue as unmet, not failed', () => {
    // Arrange
    const test = loadSuiteTest(
      writeTest('optional', [
        { ...hasName, title: 'optional name', assertionType: 'may', onUnexpectedResult: 'passAndContinue' },
      ]),
      { suiteDir },
    );

    // Act
    const outcomes = runSuiteTest(test, {});

    // Assert
    expect(outcomes).toMatchObject([{ title: 'optional name', assertionType: 'may', status: 'unmet' }]);
  });

  it('should skip the rest of a list after failAndSkip, but not the rest of the parent list', () => {
    // Arrange
    const test = loadSuiteTest(
      writeTest('skip', [
        [
          { ...hasName, title: 'gate', onUnexpectedResult: 'failAndSkip' },
          { ...hasAge, title: 'skipped' },
        ],
        { ...hasAge, title: 'after the sub-list' },
      ]),
      { suiteDir },
    );

    // Act
    const outcomes = runSuiteTest(test, { age: 1 });

    // Assert
    expect(outcomes.map((outcome) => [outcome.title, outcome.status])).toEqual([
      ['gate', 'fail'],
      ['skipped', 'skipped'],
      ['after the sub-list', 'pass'],
    ]);
  });

  it('should stop everything after failAndAbort, even from inside a sub-list', () => {
    // Arrange
    const test = loadSuiteTest(
      writeTest('abort', [
        [{ ...hasName, title: 'gate', onUnexpectedResult: 'failAndAbort' }],
        { ...hasAge, title: 'never run' },
      ]),
      { suiteDir },
    );

    // Act
    const outcomes = runSuiteTest(test, { age: 1 });

    // Assert
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fail', 'skipped']);
  });

  it('should load assertion files, apply overrides and report the error message', () => {
    // Arrange
    const test = loadSuiteTest(
      writeTest('files', [
        'mine/name.json',
        { assertionFile: 'mine/name.json', title: 'overridden', errorMessage: 'No name!' },
      ]),
      { suiteDir },
    );

    // Act
    const failures = failedMusts(test, { age: 1 });

    // Assert
    expect(failures.map((failure) => [failure.file, failure.title])).toEqual([
      ['mine/name.json', 'has a name'],
      ['mine/name.json', 'overridden'],
    ]);
    expect(failures[1]?.message).toMatch(/^No name! \(.*name/);
  });

  it('should resolve references into the definitions and check formats strictly', () => {
    // Arrange
    const test = loadSuiteTest(
      writeTest('refs', [
        { title: 'id is a uri', assertionType: 'must', $ref: 'id.json#/definitions/idValueFound' },
      ]),
      { suiteDir },
    );

    // Act
    const statuses = [
      'https://example.org/a#b',
      'urn:x:y',
      'relative/path',
      'https://example.org/a b',
      'https://example.org/é',
    ].map((id) => runSuiteTest(test, { id })[0]?.status);

    // Assert
    expect(statuses).toEqual(['pass', 'pass', 'fail', 'fail', 'fail']);
  });
});

describe('loadSuiteTest', () => {
  it('should say where it looked when the suite is missing', () => {
    // Act
    const act = () =>
      loadSuiteTest('annotations/annotationMusts.test', { suiteDir: join(suiteDir, 'nowhere') });

    // Assert
    expect(act).toThrow(/W3C annotation test suite not found at .*nowhere.*test\/data\/w3c-annotation-tests/);
  });

  it('should load the real MUST tests with all their assertions', () => {
    // Act
    const annotations = loadSuiteTest('annotations/annotationMusts.test');
    const collections = loadSuiteTest('collections/collectionMusts.test');

    // Assert
    expect(annotations.assertions).toHaveLength(54);
    expect(collections.assertions).toHaveLength(10);
  });
});
