/**
 * The package as a newsroom installs it: `npm pack`, then `npm install ./marginalia-X.tgz
 * --omit=dev` into an empty folder with an article of its own, and everything used from there,
 * nothing from `src/`: the command, the library's entry points (from JavaScript and from
 * TypeScript), and the built page in Chromium with its reader working.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programFilesHash, programIdName } from '../src/build/cache.ts';
import { serveStatic, type Served } from '../src/serve/serve.ts';
import { gotoReader, launchChromium, openPage, repository } from './browser/harness.ts';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const slug = 'sora-china-ai-video';

let work: string;
let project: string;

/** Runs a command in the installed project, as its user would. */
async function inProject(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(command, args, {
    cwd: project,
    env: { ...process.env, MARGINALIA_CACHE_DIR: path.join(work, 'cache') },
    maxBuffer: 16 * 1024 * 1024,
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'marginalia-package-'));
  project = path.join(work, 'newsroom');
  // The test setup has just built dist/; packing must not build it again.
  const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: repository,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  await mkdir(path.join(project, 'article'), { recursive: true });
  await writeFile(
    path.join(project, 'package.json'),
    '{ "name": "newsroom", "private": true, "type": "module" }\n',
  );
  for (const file of [`${slug}.txt`, `${slug}.claims.yaml`]) {
    await copyFile(path.join(repository, 'article', file), path.join(project, 'article', file));
  }
  await inProject(npm, [
    'install',
    path.join(work, packed?.filename ?? ''),
    '--omit=dev',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
  ]);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed package, installed with --omit=dev into an empty folder', () => {
  it('should install no development tool and ship compiled JavaScript, types and the built reader', async () => {
    // Arrange
    const installed = path.join(project, 'node_modules');
    const root = path.join(installed, 'marginalia');

    // Act
    const shipped = await readdir(path.join(root, 'dist'));

    // Assert
    for (const tool of ['typescript', 'tsx', 'esbuild', 'vite', 'vitest', 'playwright-core'])
      expect(existsSync(path.join(installed, tool)), tool).toBe(false);
    expect(shipped).toEqual(expect.arrayContaining(['bin', 'assets', 'index.js', 'index.d.ts']));
    expect(existsSync(path.join(root, 'src'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/assets/marginalia-reader.js'))).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(root, 'custom-elements.json'), 'utf8')) as {
      modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
    };
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).map((item) => item.tagName);
    expect(tags).toContain('marginalia-reader');
    // The build cache's id of the program, recorded by the package build, matches what shipped.
    expect((await readFile(path.join(root, 'dist', programIdName), 'utf8')).trim()).toBe(
      await programFilesHash(path.join(root, 'dist')),
    );
  });

  it('should check and build the folder’s articles with npx marginalia', async () => {
    // Act
    const check = await inProject('npx', ['--no-install', 'marginalia', 'check']);
    const built = await inProject('npx', [
      '--no-install',
      'marginalia',
      'build',
      '--base-url',
      'https://example.org/news/',
    ]);

    // Assert
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain(`✓ ${slug}`);
    expect(built.stderr).toBe('');
    const page = await readFile(path.join(project, 'build', slug, 'index.html'), 'utf8');
    expect(page).toContain('<marginalia-reader');
    expect(page).toMatch(/<mark data-claims="[a-z0-9-]+/);
    expect((await readdir(path.join(project, 'build', 'assets'))).sort()).toEqual(
      expect.arrayContaining(['marginalia-reader.css', 'marginalia-reader.js', 'marginalia.css']),
    );
    expect(existsSync(path.join(project, 'build', 'index.html'))).toBe(true);
  });

  it('should build many articles on worker threads, whose compiled module ships beside the code that starts them', async () => {
    // Arrange: copies of the article in a folder of their own.
    const site = path.join(project, 'site');
    await mkdir(site, { recursive: true });
    for (const copy of ['one', 'two', 'three', 'four']) {
      for (const extension of ['.txt', '.claims.yaml'])
        await copyFile(
          path.join(project, 'article', `${slug}${extension}`),
          path.join(site, `${copy}${extension}`),
        );
    }
    const dist = path.join(project, 'node_modules', 'marginalia', 'dist');
    const pools = [
      path.join(dist, 'build', 'pool.js'),
      ...(await readdir(path.join(dist, 'bin')))
        .filter((name) => name.startsWith('pool-'))
        .map((name) => path.join(dist, 'bin', name)),
    ];
    const findWorker = [
      "import { existsSync } from 'node:fs';",
      "import { fileURLToPath, pathToFileURL } from 'node:url';",
      'const found = [];',
      'for (const pool of process.argv.slice(1)) {',
      '  const { workerUrl } = await import(pathToFileURL(pool).href);',
      '  found.push(existsSync(fileURLToPath(workerUrl)));',
      '}',
      'console.log(JSON.stringify(found));',
    ].join('\n');

    // Act
    const workers = await inProject(process.execPath, ['--input-type=module', '-e', findWorker, ...pools]);
    const built = await inProject('npx', [
      '--no-install',
      'marginalia',
      'build',
      'site',
      '--out',
      'build-site',
      '--jobs',
      '2',
      '--base-url',
      'https://example.org/news/',
    ]);

    // Assert: the command's module (bundled) and the library's (compiled) each find their worker;
    // a worker that cannot start would be a warning on standard error.
    expect(pools).toHaveLength(2);
    expect(JSON.parse(workers.stdout)).toEqual([true, true]);
    expect(built.stderr).toBe('');
    for (const copy of ['one', 'two', 'three', 'four'])
      expect(existsSync(path.join(project, 'build-site', copy, 'index.html'))).toBe(true);
  });

  it('should let a script run the claims reader and the plugins in a unified pipeline of its own', async () => {
    // Arrange: a pipeline of the user's own, with the package's plugins among its steps.
    const script = [
      "import { readFile } from 'node:fs/promises';",
      "import { unified } from 'unified';",
      "import remarkRehype from 'remark-rehype';",
      "import { VFile } from 'vfile';",
      "import { readClaims } from 'marginalia/claims';",
      "import { remarkParseTxt, remarkParagraphNumbers, remarkClaims, claimHandlers, rehypeStringifyPage } from 'marginalia/pipeline';",
      `const claimsFile = new VFile({ path: 'article/${slug}.claims.yaml', value: await readFile('article/${slug}.claims.yaml', 'utf8') });`,
      'const claims = readClaims(claimsFile);',
      `const article = new VFile({ path: 'article/${slug}.txt', value: await readFile('article/${slug}.txt', 'utf8') });`,
      'const html = String(await unified().use(remarkParseTxt).use(remarkParagraphNumbers)',
      '  .use(remarkClaims, { claims, claimsFile }).use(remarkRehype, { handlers: claimHandlers })',
      '  .use(rehypeStringifyPage).process(article));',
      'console.log(JSON.stringify({ claims: claims.claims.length, messages: claimsFile.messages.length,',
      "  marks: html.split('<mark ').length - 1, paragraphs: html.split('data-paragraph=').length - 1 }));",
    ].join('\n');
    await writeFile(path.join(project, 'pipeline.mjs'), script);

    // Act
    const { stdout } = await inProject(process.execPath, ['pipeline.mjs']);

    // Assert
    const result = JSON.parse(stdout) as {
      claims: number;
      messages: number;
      marks: number;
      paragraphs: number;
    };
    expect(result.claims).toBeGreaterThan(10);
    expect(result.messages).toBe(0);
    expect(result.marks).toBeGreaterThanOrEqual(result.claims);
    expect(result.paragraphs).toBeGreaterThan(5);
  });

  it('should give TypeScript users the types of every entry point', async () => {
    // Arrange: wrong uses must be errors, so the types cannot have silently become `any`.
    await writeFile(
      path.join(project, 'use.ts'),
      [
        "import { build, compileArticle } from 'marginalia';",
        "import { readClaims, claimKinds, type ClaimsDocument } from 'marginalia/claims';",
        "import { remarkClaims, createPipeline } from 'marginalia/pipeline';",
        "import type { MarginaliaReader } from 'marginalia/reader';",
        'export const kinds: readonly string[] = claimKinds;',
        'export type Reader = MarginaliaReader;',
        'export const uses = [build, compileArticle, readClaims, remarkClaims, createPipeline];',
        'export function title(document: ClaimsDocument): string | undefined { return document.source.title; }',
        '// @ts-expect-error: readClaims takes a vfile, not a number',
        'readClaims(42);',
        '// @ts-expect-error: a build needs its options',
        'void build([]);',
      ].join('\n'),
    );
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['use.ts'],
      }),
    );

    // Act
    const typescript = path.join(repository, 'node_modules/typescript/bin/tsc');
    const result = await inProject(process.execPath, [typescript, '-p', 'tsconfig.json']).then(
      () => ({ ok: true, output: '' }),
      (failure: { stdout?: string }) => ({ ok: false, output: failure.stdout ?? '' }),
    );

    // Assert
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  describe('in Chromium', () => {
    let served: Served;
    let browser: Browser;

    beforeAll(async () => {
      served = await serveStatic({ dir: path.join(project, 'build') });
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    it('should show the built page with its reader working: a click on a passage opens its note', async () => {
      // Arrange
      const { page, trouble } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      await gotoReader(page, `${served.url}${slug}/`);
      const mark = page.locator('mark[data-claims]').first();
      const claimId = ((await mark.getAttribute('data-claims')) ?? '').split(' ')[0];
      const opened = page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('marginalia-note-open', (event) => resolve(event.detail.claimId), {
              once: true,
            });
          }),
      );

      // Act
      await mark.click();

      // Assert
      expect(await opened).toBe(claimId);
      expect(trouble.errors).toEqual([]);
      await page.context().close();
    });

    it('should work with the element bundled by the site itself from marginalia/reader', async () => {
      // Arrange: the site's own bundler (esbuild) makes its script from the package's module.
      const site = path.join(project, 'site');
      await mkdir(site, { recursive: true });
      await writeFile(path.join(site, 'main.js'), "import 'marginalia/reader';\n");
      await esbuild({
        entryPoints: [path.join(site, 'main.js')],
        bundle: true,
        format: 'esm',
        outfile: path.join(project, 'build/assets/marginalia-reader.js'),
        logLevel: 'silent',
      });
      const { page, trouble } = await openPage(browser, { viewport: { width: 1280, height: 900 } });

      // Act
      await gotoReader(page, `${served.url}${slug}/`);
      const opened = page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('marginalia-note-open', (event) => resolve(event.detail.claimId), {
              once: true,
            });
          }),
      );
      await page.locator('mark[data-claims]').nth(1).click();

      // Assert
      expect(await opened).toMatch(/^[a-z0-9-]+$/);
      expect(trouble.errors).toEqual([]);
      await page.context().close();
    });
  });
});
