import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The reader's modules as a graph: each module's imports, static, dynamic and type-only alike
 * (a type-only circle is still a circle for whoever reads the code), followed from every module
 * of `src/reader/` through the rest of `src/`.
 */
const here = import.meta.dirname;
const src = path.resolve(here, '..');

function readerModules(): string[] {
  return readdirSync(here)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => path.join(here, name));
}

/** The modules of `src/` that `file` imports (relative imports only: packages cannot import back). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name))
    .filter((resolved) => resolved.startsWith(src) && resolved.endsWith('.ts'));
}

/** A circle of imports reachable from `roots`, as the list of its modules, or undefined. */
function findCircle(roots: readonly string[], edges: (file: string) => string[]): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string): string[] | undefined => {
    if (onPath.has(file)) return [...path.slice(path.indexOf(file)), file];
    if (done.has(file)) return undefined;
    path.push(file);
    onPath.add(file);
    for (const next of edges(file)) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    onPath.delete(file);
    done.add(file);
    return undefined;
  };
  for (const root of roots) {
    const circle = visit(root);
    if (circle) return circle;
  }
  return undefined;
}

describe('the reader’s modules', () => {
  it('should import one another without a circle', () => {
    // Arrange
    const roots = readerModules();

    // Act
    const circle = findCircle(roots, importsOf);

    // Assert
    expect(circle?.map((file) => path.relative(src, file)).join(' → ')).toBeUndefined();
  });

  it('should find a circle where there is one', () => {
    // Arrange
    const edges: Record<string, string[]> = { a: ['b'], b: ['c', 'd'], c: [], d: ['b'] };

    // Act
    const circle = findCircle(['a'], (file) => edges[file] ?? []);

    // Assert
    expect(circle).toEqual(['b', 'd', 'b']);
  });

  it('should keep every module and stylesheet under 400 lines', () => {
    // Arrange
    const stylesheets = readdirSync(here)
      .filter((name) => name.endsWith('.css'))
      .map((name) => path.join(here, name));
    const modules = [...readerModules(), ...stylesheets];

    // Act
    const long = modules
      .map((file) => ({
        file: path.basename(file),
        lines: readFileSync(file, 'utf8').trimEnd().split('\n').length,
      }))
      .filter(({ lines }) => lines > 400);

    // Assert
    expect(long).toEqual([]);
  });
});
